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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
        .target(name: "VanBan", dependencies: ["VanBanCore", "VanBanText", "VanBanHTML", "VanBanODF"]),
        .executableTarget(
            name: "vanban",
            dependencies: ["VanBan", "VanBanRegister", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The register of outgoing documents (Docs/Register.md): the only module that links
        // GRDB and SQLite; the CLI uses it for `--register` and `vanban register`.
        .target(name: "VanBanRegister", dependencies: ["VanBanCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // A test helper: issues N numbers from a register in a loop, for the two-process race test.
        .executableTarget(name: "RegisterRace", dependencies: ["VanBanRegister"], path: "Tests/RegisterRace"),
        .testTarget(name: "VanBanRegisterTests", dependencies: ["VanBanRegister", "VanBan", .product(name: "GRDB", package: "GRDB.swift")]),
        // The fuzz target (see Docs/Fuzzing.md): a replay tool in a normal build, a
        // libFuzzer target when built by Scripts/fuzz.sh.
        .executableTarget(name: "FuzzTemplate", dependencies: ["VanBan"]),
        .testTarget(name: "VanBanTests", dependencies: ["VanBan", "VanBanCore", "VanBanText", "VanBanHTML", "VanBanODF", "CLibXML2"]),
    ],
    swiftLanguageModes: [.v6]
)
