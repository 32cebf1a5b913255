import ArgumentParser
import Foundation
import VanBan

/// The options of `--format pdf`, shared by `render` and `batch`.
struct PDFCommandOptions: ParsableArguments {
    @Flag(name: .customLong("pdf-a"), help: "With --format pdf: write PDF/A-2b, for archiving (fonts embedded, XMP metadata).")
    var pdfA = false

    @Option(name: .customLong("pdf-timeout"), help: ArgumentHelp("With --format pdf: seconds a document may take (LibreOffice gets twice as long to start) before LibreOffice is restarted and the document retried once.", valueName: "SECONDS"))
    var timeout: Double = 60

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--pdf-timeout must be between 0 and 3600 seconds") }
    }

    /// The writer options with these PDF options.
    func writer(textWidth: Int) -> WriterOptions {
        var w = WriterOptions(textWidth: textWidth)
        w.pdf = PDFOptions(pdfA: pdfA, timeout: timeout)
        return w
    }
}
