import ArgumentParser
import Foundation
import VanBan
import VanBanBatch

/// The CLI's exit codes. They are stable: scripts may rely on them (see README).
enum Exit {
    /// Success.
    static let ok: Int32 = 0
    /// `check` found errors; or, with `--strict`, `check` or `render` found warnings.
    static let problems: Int32 = 1
    /// The template could not be read or compiled.
    static let template: Int32 = 2
    /// The data is not valid JSON, or is not what the template needs.
    static let data: Int32 = 3
    /// Rendering failed (a value missing or of the wrong kind).
    static let render: Int32 = 4
    /// An output file could not be written.
    static let output: Int32 = 5
    /// An input file could not be found or read.
    static let input: Int32 = 6
    /// A batch finished, but some records failed.
    static let batchPartial: Int32 = 7
    /// The register could not be used: missing, damaged, not a register, from a newer
    /// VanBan, read-only, locked for longer than the timeout, or the request does not fit it.
    static let register: Int32 = 8
    /// The PDF converter (LibreOffice) is not installed or cannot be started.
    static let tool: Int32 = 9
    /// The command line was wrong.
    static let usage: Int32 = 64
    /// Interrupted by Ctrl-C or a termination signal.
    static let interrupted: Int32 = 130
    /// Another batch is writing into the output folder (its lock is held).
    static let folderBusy: Int32 = 10

    static func code(for kind: ErrorKind) -> Int32 {
        switch kind {
        case .usage: usage
        case .data: data
        case .template: template
        case .render: render
        case .output: output
        case .input: input
        case .check: problems
        case .tool: tool
        }
    }
}

/// Prints a VanBan error to stderr and exits with its code.
func fail(_ error: VanBanError) -> Never {
    Stdio.err(Array((error.formatted(CLILanguage.format) + "\n").utf8))
    exit(Exit.code(for: error.kind))
}

/// Prints to stderr.
func note(_ s: String) { Stdio.err(Array((s + "\n").utf8)) }

/// Removes temporary files and exits on SIGINT/SIGTERM, so an interrupted run leaves no partial files.
enum Interrupts {
    nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
    static let batchStopRequested = Locked(false)
    static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler {
                // A running batch stops at the end of the records in flight and writes a
                // manifest marked incomplete (the CLI then exits 130); a second signal,
                // or one outside a batch, stops the process at once.
                if Interrupts.batchStopRequested.withLock({ requested in
                    defer { requested = true }
                    return !requested && BatchCancellation.shared.cancel(reason: "interrupted by a signal")
                }) { return }
                TempFiles.shared.removeAll()
                PDFConverter.abortAll()
                note("vanban: interrupted; no partial files were left")
                exit(Exit.interrupted)
            }
            s.resume()
            sources.append(s)
        }
    }
}
