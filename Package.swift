// swift-tools-version: 6.0
import PackageDescription

// The module graph (see README, "Architecture"):
//
//   data + template ──► document model ──► one writer per format
//
//   CLibXML2 ─► VanBanXML           the one owner of libxml2: read, build, serialise, validate, zip
//   VanBanModel                     document model, diagnostics, Vietnamese domain rules
//   VanBanTemplate ─► Model, XML    data reader, template compiler, evaluator, filters, contract, checks
//   VanBanText, VanBanHTML ─► Model writers
//   VanBanODF ─► Model, XML         writer
//   VanBanPDF ─► Model              PDF through LibreOffice (a converter, not a writer)
//   VanBan ─► all of the above      the facade for integrators
//   VanBanSheets ─► Model           recipients from spreadsheets (CSV)
//   VanBanBatch ─► VanBan, Sheets   one template × N records
//   vanban (CLI) ─► VanBan, Batch
let package = Package(
    name: "VanBan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "VanBan", targets: ["VanBan"]),
        .library(name: "VanBanBatch", targets: ["VanBanBatch"]),
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
        .target(name: "VanBanModel"),
        .target(name: "VanBanXML", dependencies: ["VanBanModel", "CLibXML2"]),
        .target(name: "VanBanTemplate", dependencies: ["VanBanModel", "VanBanXML"]),
        .target(name: "VanBanText", dependencies: ["VanBanModel"]),
        .target(name: "VanBanHTML", dependencies: ["VanBanModel"]),
        .target(name: "VanBanODF", dependencies: ["VanBanModel", "VanBanXML"]),
        .target(name: "VanBanPDF", dependencies: ["VanBanModel"]),
        .target(name: "VanBan", dependencies: ["VanBanModel", "VanBanTemplate", "VanBanText", "VanBanHTML", "VanBanODF", "VanBanPDF"]),
        .target(name: "VanBanSheets", dependencies: ["VanBanModel"]),
        .target(name: "VanBanBatch", dependencies: ["VanBan", "VanBanSheets"]),
        .executableTarget(
            name: "vanban",
            dependencies: ["VanBan", "VanBanBatch", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The fuzz target (see Docs/Fuzzing.md): a replay tool in a normal build, a
        // libFuzzer target when built by Scripts/fuzz.sh.
        .executableTarget(name: "FuzzTemplate", dependencies: ["VanBan", "VanBanXML"]),
        .testTarget(name: "VanBanTests", dependencies: ["VanBan", "VanBanModel", "VanBanTemplate", "VanBanXML", "VanBanText",
                                                        "VanBanHTML", "VanBanODF", "VanBanPDF", "VanBanSheets", "VanBanBatch", "vanban", "CLibXML2"]),
    ],
    swiftLanguageModes: [.v6]
)
