import Foundation

/// Where templates are looked for: the standard search path and the shipped `Templates/` folder.
extension TemplateLibrary {
    /// The standard search path: `extra` directories (from `--templates`), then each entry
    /// of `$VANBAN_TEMPLATES` (colon-separated), then the shipped `Templates/` folder.
    public static func standard(extra: [URL] = [], environment: [String: String] = ProcessInfo.processInfo.environment) -> TemplateLibrary {
        var paths = extra
        if let env = environment["VANBAN_TEMPLATES"], !env.isEmpty {
            paths += env.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        if let shipped = shippedTemplatesDirectory() { paths.append(shipped) }
        return TemplateLibrary(searchPaths: paths)
    }

    /// The `Templates/` folder that ships with VanBan: found beside or above the running
    /// executable (an installed `share/vanban/Templates`, or the repository when run with
    /// `swift run`), else in the source tree this library was built from.
    public static func shippedTemplatesDirectory() -> URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Templates"))
            candidates.append(dir.appendingPathComponent("share/vanban/Templates"))
            dir = dir.deletingLastPathComponent()
        }
        // Sources/VanBanTemplate/Template/TemplateSearchPath.swift → repository root.
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates"))
        for c in candidates {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: c.appendingPathComponent("_parts").path, isDirectory: &isDir), isDir.boolValue { return c.standardizedFileURL }
        }
        return nil
    }
}
