// swift-tools-version: 6.0
import PackageDescription

// The module graph (see README, "Architecture"):
//
//   data + template ──► document model ──► one writer per format
//
//   CLibXML2, CVanBanZlib ─► VanBanXML    the one owner of libxml2 (and zlib): read, build, serialise, validate, zip
//   VanBanModel                     document model, diagnostics, Vietnamese domain rules (SHA-256: system libcrypto, CVanBanCrypto)
//   VanBanTemplate ─► Model, XML    data reader, template compiler, evaluator, filters, contract, checks
//   VanBanText, VanBanHTML ─► Model writers
//   VanBanODF ─► Model, XML         writer
//   VanBanPDF ─► Model              PDF through LibreOffice (a converter, not a writer)
//   VanBanDOCX ─► Model, XML        writer
//   VanBan ─► all of the above      the facade for integrators
//   VanBanSheets ─► Model, XML      recipients: CSV in Excel's encodings, .xlsx, .ods (zip: ZIPFoundation)
//   VanBanBatch ─► VanBan, Sheets   one template × N records
//   VanBanRegister ─► Model, Template, GRDB   the register of outgoing documents (SQLite)
//   vanban (CLI) ─► VanBan, Batch, Register
/// Upcoming language features every target is built with.
let upcoming: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "VanBan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "VanBan", targets: ["VanBan"]),
        .library(name: "VanBanBatch", targets: ["VanBanBatch"]),
        .executable(name: "vanban", targets: ["vanban"]),
        .executable(name: "vanban-studio", targets: ["vanban-studio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CVanBanZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CVanBanCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // syncfs(2) for the batch (glibc declares it only under _GNU_SOURCE).
        .systemLibrary(name: "CVanBanSys"),
        .target(name: "VanBanModel", dependencies: ["CVanBanCrypto"]),
        .target(name: "VanBanXML", dependencies: ["VanBanModel", "CLibXML2", "CVanBanZlib"]),
        .target(name: "VanBanTemplate", dependencies: ["VanBanModel", "VanBanXML"]),
        .target(name: "VanBanText", dependencies: ["VanBanModel"]),
        .target(name: "VanBanHTML", dependencies: ["VanBanModel"]),
        .target(name: "VanBanODF", dependencies: ["VanBanModel", "VanBanXML"]),
        .target(name: "VanBanDOCX", dependencies: ["VanBanModel", "VanBanXML"]),
        .target(name: "VanBanPDF", dependencies: ["VanBanModel", "CVanBanZlib"]),
        .target(name: "VanBan", dependencies: ["VanBanModel", "VanBanTemplate", "VanBanText", "VanBanHTML", "VanBanODF", "VanBanDOCX", "VanBanPDF"]),
        .target(name: "VanBanSheets", dependencies: ["VanBanModel", "VanBanXML", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "VanBanBatch", dependencies: ["VanBan", "VanBanSheets", "CVanBanCrypto", "CVanBanSys"]),
        .executableTarget(
            name: "vanban",
            dependencies: ["VanBan", "VanBanBatch", "VanBanSheets", "VanBanRegister", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The register of outgoing documents (Docs/Register.md): the only module that links
        // GRDB and SQLite; the CLI uses it for `--register` and `vanban register`.
        .target(name: "VanBanRegister", dependencies: ["VanBanModel", "VanBanTemplate", .product(name: "GRDB", package: "GRDB.swift")]),
        // A test helper: issues N numbers from a register in a loop, for the two-process race test.
        .executableTarget(name: "RegisterRace", dependencies: ["VanBanRegister"], path: "Tests/RegisterRace"),
        // What several test targets share: the repository's paths, golden files, outside
        // tools as `.requires(…)` traits, the built executables (a library only tests link).
        .target(name: "VanBanTestSupport", path: "Tests/VanBanTestSupport"),
        .testTarget(name: "VanBanRegisterTests", dependencies: ["VanBanRegister", "VanBan", "VanBanModel", "VanBanTemplate", "VanBanBatch", .product(name: "GRDB", package: "GRDB.swift"),
                                                                "VanBanTestSupport"]),
        // The fuzz target (see Docs/Fuzzing.md): a replay tool in a normal build, a
        // libFuzzer target when built by Scripts/fuzz.sh.
        .executableTarget(name: "FuzzTemplate", dependencies: ["VanBan", "VanBanXML"]),
        // The drafting desk (Docs/Studio.md, issue 18): the web application. Only this module,
        // its executable and its tests link Hummingbird; the `vanban` CLI does not.
        .target(name: "VanBanStudio", dependencies: ["VanBan", "VanBanBatch", "VanBanSheets", "VanBanRegister", "VanBanPDF", "VanBanXML",
                                                    .product(name: "HTTPTypes", package: "swift-http-types"),
                                                    .product(name: "GRDB", package: "GRDB.swift"),
                                                    .product(name: "Hummingbird", package: "hummingbird")]),
        .executableTarget(name: "vanban-studio", dependencies: ["VanBanStudio", .product(name: "Hummingbird", package: "hummingbird")]),
        .testTarget(name: "VanBanStudioTests", dependencies: ["VanBanStudio", "VanBan", "VanBanRegister", "VanBanXML",
                                                             .product(name: "HTTPTypes", package: "swift-http-types"),
                                                             .product(name: "Hummingbird", package: "hummingbird"),
                                                             .product(name: "HummingbirdTesting", package: "hummingbird"),
                                                             "VanBanTestSupport"]),
        .testTarget(name: "VanBanTests", dependencies: ["VanBan", "VanBanModel", "VanBanTemplate", "VanBanXML", "VanBanText",
                                                        "VanBanHTML", "VanBanODF", "VanBanSheets", "VanBanBatch", "vanban",
                                                        "VanBanDOCX", "VanBanPDF", "CVanBanZlib", "VanBanTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + upcoming
}
