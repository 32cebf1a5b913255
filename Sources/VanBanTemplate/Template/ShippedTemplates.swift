import Foundation

extension TemplateLibrary {
    /// The `templates` folder that ships with VanBan, found from the running executable
    /// (nothing of the machine that built it is baked in):
    /// 1. `<folder of the executable>/../share/vanban/templates`: an installed `vanban`
    ///    (`Scripts/install.sh` puts the binary in `PREFIX/bin` and the templates in
    ///    `PREFIX/share/vanban/templates`; the Debian package uses `/usr`);
    /// 2. a development build: when the executable lies inside a package's build folder
    ///    (a path component named `.build` or `.build-…`, as `swift run`, `swift test`
    ///    and `swift build` make), the folder holding that build folder, if it has a
    ///    `Package.swift` and a `Templates/` folder: the repository's own templates.
    ///
    /// A folder counts only when it has the shared parts (`_parts/`). Nil when neither
    /// is found (a binary copied on its own): `--templates` and `$VANBAN_TEMPLATES`
    /// still work.
    public static func shippedTemplatesDirectory() -> URL? {
        guard let exe = runningExecutable() else { return nil }
        return shippedTemplatesDirectory(executable: exe)
    }

    /// ``shippedTemplatesDirectory()`` for an executable at `executable` (symbolic links
    /// already resolved).
    public static func shippedTemplatesDirectory(executable: URL) -> URL? {
        let fm = FileManager.default
        func hasParts(_ dir: URL) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: dir.appendingPathComponent("_parts").path, isDirectory: &isDir) && isDir.boolValue
        }
        let bin = executable.deletingLastPathComponent()
        let installed = bin.deletingLastPathComponent().appendingPathComponent("share/vanban/templates").standardizedFileURL
        if hasParts(installed) { return installed }

        let components = bin.standardizedFileURL.pathComponents
        if let k = components.lastIndex(where: { $0 == ".build" || $0.hasPrefix(".build-") || $0.hasPrefix(".build_") }), k > 0 {
            let root = NSString.path(withComponents: Array(components[..<k]))
            let package = URL(fileURLWithPath: root, isDirectory: true)
            let templates = package.appendingPathComponent("Templates")
            if fm.fileExists(atPath: package.appendingPathComponent("Package.swift").path), hasParts(templates) {
                return templates.standardizedFileURL
            }
        }
        return nil
    }

    /// The running executable, symbolic links resolved: `/proc/self/exe` on Linux, else
    /// Foundation's idea of it, else the first argument looked up on the PATH.
    static func runningExecutable() -> URL? {
        #if os(Linux)
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target)
        }
        #endif
        if let url = Bundle.main.executableURL { return url.resolvingSymlinksInPath() }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        if first.contains("/") { return URL(fileURLWithPath: first).resolvingSymlinksInPath() }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/\(first)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate).resolvingSymlinksInPath() }
        }
        return nil
    }
}
