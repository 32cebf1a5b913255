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
//   VanBan ─► all of the above      the facade for integrators
//   VanBanSheets ─► Model           recipients from spreadsheets (CSV)
//   VanBanBatch ─► VanBan, Sheets   one template × N records
//   VanBanRegister ─► Model, Template, GRDB   the register of outgoing documents (SQLite)
//   vanban (CLI) ─► VanBan, Batch, Register
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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
        .target(name: "VanBan", dependencies: ["VanBanModel", "VanBanTemplate", "VanBanText", "VanBanHTML", "VanBanODF"]),
        .target(name: "VanBanSheets", dependencies: ["VanBanModel"]),
        .target(name: "VanBanBatch", dependencies: ["VanBan", "VanBanSheets"]),
        .executableTarget(
            name: "vanban",
            dependencies: ["VanBan", "VanBanBatch", "VanBanRegister", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The register of outgoing documents (Docs/Register.md): the only module that links
        // GRDB and SQLite; the CLI uses it for `--register` and `vanban register`.
        .target(name: "VanBanRegister", dependencies: ["VanBanModel", "VanBanTemplate", .product(name: "GRDB", package: "GRDB.swift")]),
        // A test helper: issues N numbers from a register in a loop, for the two-process race test.
        .executableTarget(name: "RegisterRace", dependencies: ["VanBanRegister"], path: "Tests/RegisterRace"),
        .testTarget(name: "VanBanRegisterTests", dependencies: ["VanBanRegister", "VanBan", "VanBanModel", "VanBanTemplate", "VanBanBatch", .product(name: "GRDB", package: "GRDB.swift")]),
        // The fuzz target (see Docs/Fuzzing.md): a replay tool in a normal build, a
        // libFuzzer target when built by Scripts/fuzz.sh.
        .executableTarget(name: "FuzzTemplate", dependencies: ["VanBan", "VanBanXML"]),
        .testTarget(name: "VanBanTests", dependencies: ["VanBan", "VanBanModel", "VanBanTemplate", "VanBanXML", "VanBanText",
                                                        "VanBanHTML", "VanBanODF", "VanBanSheets", "VanBanBatch", "vanban", "CLibXML2"]),
    ],
    swiftLanguageModes: [.v6]
)
