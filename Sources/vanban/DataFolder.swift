import Foundation
import VanBan

extension Render {
    /// The folder where images named in the data (`signer.signature_image`, …) are
    /// looked for: the data file's folder, or the current folder for standard input.
    static func folder(ofData path: String) -> URL {
        path == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            : URL(fileURLWithPath: path).deletingLastPathComponent()
    }
}

extension PDFCommandOptions {
    /// ``writer(textWidth:)`` with the data file's folder for images.
    func writer(textWidth: Int, dataFolder: URL) -> WriterOptions {
        var options = writer(textWidth: textWidth)
        options.dataFolder = dataFolder
        return options
    }
}
