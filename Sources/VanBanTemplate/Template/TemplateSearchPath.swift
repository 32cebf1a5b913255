import Foundation

/// Where templates are looked for: the standard search path (the shipped folder is found in `ShippedTemplates.swift`).
extension TemplateLibrary {
    /// The standard search path: `extra` directories (from `--templates`), then each entry
    /// of `$VANBAN_TEMPLATES` (colon-separated), then the shipped templates (found from the
    /// running executable: see ``shippedTemplatesDirectory()``).
    public static func standard(extra: [URL] = [], environment: [String: String] = ProcessInfo.processInfo.environment) -> TemplateLibrary {
        var paths = extra
        if let env = environment["VANBAN_TEMPLATES"], !env.isEmpty {
            paths += env.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        if let shipped = shippedTemplatesDirectory() { paths.append(shipped) }
        return TemplateLibrary(searchPaths: paths)
    }
}
