import Foundation
import VanBanModel

/// Finding LibreOffice, the program that turns VanBan's flat ODT into PDF.
public enum LibreOffice {
    /// The Debian/Ubuntu packages to install: the Writer without the desktop parts, and
    /// fonts metric-compatible with Times New Roman.
    public static let packages = "libreoffice-writer-nogui fonts-liberation2"

    /// The environment variable naming the `soffice` program to use.
    public static let environmentVariable = "VANBAN_SOFFICE"

    /// The path of the `soffice` program: `$VANBAN_SOFFICE` when it is set, otherwise
    /// `soffice` (then `libreoffice`) on `PATH`.
    ///
    /// - Throws: ``VanBanError`` of kind `tool`, naming the package to install, when it
    ///   cannot be found or `$VANBAN_SOFFICE` does not name an executable file.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(VanBanError) -> String {
        let help = Message("tool.libreoffice.help", ["packages": "\(packages)", "variable": "\(environmentVariable)"])
        if let given = environment[environmentVariable], !given.isEmpty {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: given, isDirectory: &isDir), !isDir.boolValue,
                  FileManager.default.isExecutableFile(atPath: given) else {
                throw VanBanError(.error, .tool, Message("tool.libreoffice.not-executable", ["variable": "\(environmentVariable)", "path": "\(given)"]), help: help)
            }
            return given
        }
        for name in ["soffice", "libreoffice"] {
            for dir in (environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
                let path = "\(dir)/\(name)"
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                   FileManager.default.isExecutableFile(atPath: path) {
                    return path
                }
            }
        }
        throw VanBanError(.error, .tool, Message("tool.libreoffice.missing"), help: help)
    }
}

/// How PDF files are made.
public struct PDFOptions: Sendable, Hashable {
    /// Write PDF/A-2b (for archiving: fonts embedded, XMP metadata) instead of plain PDF.
    public var pdfA: Bool
    /// Seconds one document may take before its converter is considered hung, killed
    /// and restarted.
    public var timeout: Double
    /// Extra seconds allowed for LibreOffice to start, before its first document.
    public var startupTimeout: Double
    /// At most this many LibreOffice processes at once (each takes about 200 MiB).
    public var workers: Int
    /// The `soffice` program; nil to look for it (see ``LibreOffice/locate(environment:)``).
    public var soffice: String?

    /// Creates options. `startupTimeout` defaults to twice `timeout`; `workers` to the
    /// number of processors, at most 4.
    public init(pdfA: Bool = false, timeout: Double = 60, startupTimeout: Double? = nil,
                workers: Int = min(4, ProcessInfo.processInfo.activeProcessorCount), soffice: String? = nil) {
        self.pdfA = pdfA
        self.timeout = timeout
        self.startupTimeout = startupTimeout ?? 2 * timeout
        self.workers = max(1, workers)
        self.soffice = soffice
    }

    /// The `--convert-to` argument: the PDF export filter (LibreOffice 7.4 and later read
    /// filter options as JSON). Images are kept lossless: by default LibreOffice re-encodes
    /// a PNG signature or seal as a JPEG, which blurs thin strokes and loses the
    /// transparency's edges. PDF/A-2 is selected when asked.
    var convertTo: String {
        let lossless = #""UseLosslessCompression":{"type":"boolean","value":"true"}"#
        let version = #""SelectPdfVersion":{"type":"long","value":"2"}"#
        return "pdf:writer_pdf_Export:{" + (pdfA ? lossless + "," + version : lossless) + "}"
    }
}
