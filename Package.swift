// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "VanBan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "VanBan", targets: ["VanBan"]),
        .executable(name: "vanban", targets: ["vanban"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "VanBanCore", dependencies: ["CLibXML2"]),
        .target(name: "VanBanText", dependencies: ["VanBanCore"]),
        .target(name: "VanBanHTML", dependencies: ["VanBanCore", "CLibXML2"]),
        .target(name: "VanBanODF", dependencies: ["VanBanCore", "CLibXML2"]),
        .target(name: "VanBanPDF", dependencies: ["VanBanCore"]),
        .target(name: "VanBan", dependencies: ["VanBanCore", "VanBanText", "VanBanHTML", "VanBanODF", "VanBanPDF"]),
        .executableTarget(
            name: "vanban",
            dependencies: ["VanBan", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The fuzz target (see Docs/Fuzzing.md): a replay tool in a normal build, a
        // libFuzzer target when built by Scripts/fuzz.sh.
        .executableTarget(name: "FuzzTemplate", dependencies: ["VanBan"]),
        .testTarget(name: "VanBanTests", dependencies: ["VanBan", "VanBanCore", "VanBanText", "VanBanHTML", "VanBanODF", "VanBanPDF", "CLibXML2"]),
    ],
    swiftLanguageModes: [.v6]
)
