import Foundation
import VanBanModel
import VanBanXML

/// `<image>`: a PNG or JPEG from a file (`file="…"`, a literal relative path or a value
/// from the data) or from base64 in the data (`base64="{{ … }}"`), with its box in
/// millimetres and its role. Among the blocks it is a logo (centred paragraph); inside
/// `<signature>` it is the signature or the seal, which the writers place as Decree 30
/// says (PL I II.7.d).
enum TemplateImages {
    /// The largest box accepted on either side, in mm (the A4 text width is 155 mm).
    static let maxSideMM = 160.0
    /// The default width of each role when the template gives neither width nor height.
    static func defaultWidthMM(_ role: Picture.Role) -> Double {
        switch role {
        case .signature: 40
        case .seal: 36
        case .logo: 30
        }
    }
}

extension TemplateCompiler {
    /// The template's own folder, then each template folder, each once.
    static func imageFolders(template url: URL, searchPaths: [URL]) -> [URL] {
        var seen: Set<String> = []
        return ([url.deletingLastPathComponent()] + searchPaths).filter { seen.insert(canonical($0)).inserted }
    }

    /// Checks what can be checked before any data: exactly one source, a known role that
    /// fits the place, and literal sizes in range.
    func validateImage(_ e: XElement, parentName: String) throws(VanBanError) {
        let file = e.attribute("file"), base64 = e.attribute("base64")
        if (file == nil) == (base64 == nil) {
            throw VanBanError(.template, "<image> needs exactly one of file=\"…\" and base64=\"{{ … }}\"", at: e.location,
                              help: "file names a PNG or JPEG beside the data or the template (file=\"{{ signer.signature_image }}\" or file=\"logo.png\"); base64 takes the image itself from the data")
        }
        if let base64, !base64.value.contains("{{") {
            throw VanBanError(.template, "base64 must come from the data, e.g. base64=\"{{ signer.signature_base64 }}\"", at: base64.location,
                              help: "for an image file beside the template, use file=\"…\"")
        }
        let inSignature = parentName == "signature"
        let allowed: [Picture.Role] = inSignature ? [.signature, .seal] : [.logo]
        if let role = e.attribute("role"), !role.value.contains("{{") {
            guard let r = Picture.Role(rawValue: role.value), allowed.contains(r) else {
                throw VanBanError(.template, "role=\"\(role.value)\" is not allowed \(inSignature ? "in <signature>" : "here")", at: role.location,
                                  help: "roles here: " + allowed.map(\.rawValue).joined(separator: ", "))
            }
        } else if inSignature, e.attribute("role") == nil {
            throw VanBanError(.template, "an <image> in <signature> needs role=\"signature\" or role=\"seal\"", at: e.location)
        }
        for name in ["width", "height"] {
            guard let a = e.attribute(name), !a.value.contains("{{") else { continue }
            guard let v = Double(a.value), v > 0, v <= TemplateImages.maxSideMM else {
                throw VanBanError(.template, "\(name)=\"\(a.value)\" must be a number of millimetres between 0 and \(Int(TemplateImages.maxSideMM))", at: a.location)
            }
        }
    }
}

extension Evaluator {
    /// The images of a `<signature>`: at most one signature and one seal.
    mutating func signatureImages(_ nodes: [TemplateNode], into signature: inout Signature) throws(VanBanError) {
        try collect(nodes, element: "image") { (ev: inout Evaluator, node: TemplateNode) throws(VanBanError) in
            guard let p = try ev.picture(node, defaultRole: .signature) else { return }
            let place: Picture? = p.role == .seal ? signature.sealImage : signature.signatureImage
            if place != nil {
                throw VanBanError(.template, "the signature has two \(p.role.rawValue) images", at: node.location,
                                  help: "give one <image role=\"signature\"> and one <image role=\"seal\">")
            }
            if p.role == .seal { signature.sealImage = p } else { signature.signatureImage = p }
        }
    }

    /// Reads, checks and sizes one `<image>`; nil when its source is empty or null in the
    /// data (an image is optional by nature: a document without it renders as before).
    mutating func picture(_ node: TemplateNode, defaultRole: Picture.Role) throws(VanBanError) -> Picture? {
        let roleText = try attribute(node, "role") ?? defaultRole.rawValue
        guard let role = Picture.Role(rawValue: roleText) else {
            throw VanBanError(.render, "unknown image role '\(roleText)'", at: node.attributeLocations["role"] ?? node.location,
                              help: "roles: " + Picture.Role.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let isFile = node.attributes["file"] != nil
        let attr = isFile ? "file" : "base64"
        guard let interp = node.attributes[attr] else { return nil }
        let at = node.attributeLocations[attr] ?? node.location
        // The JSON path of the value, when the attribute is one {{ }}: messages name it.
        var jsonPath: String?
        if interp.segments.count == 1, case .expression(let e) = interp.segments[0] {
            let v = try evaluate(e)
            if v.path.hasPrefix("$") { jsonPath = v.path }
            if v.value == nil || v.value == .null { return nil }
        }
        let text = try string(interp, at: at).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        let origin = jsonPath.map { "at \($0)" } ?? "in \(template.file):\(at.line):\(at.column)"
        let image: EmbeddedImage
        do {
            if isFile {
                let folders = (dataFolder.map { [$0] } ?? []) + template.imageFolders
                image = try ImageSource.read(path: text, folders: folders, origin: origin)
            } else {
                image = try ImageSource.decode(base64: text, origin: origin)
            }
        } catch {
            var e = error
            if e.location == nil { e.location = at }
            if e.jsonPath == nil { e.jsonPath = jsonPath }
            throw e
        }
        func size(_ name: String) throws(VanBanError) -> Double? {
            guard let t = try attribute(node, name)?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            guard let v = Double(t), v > 0, v <= TemplateImages.maxSideMM else {
                throw VanBanError(.render, "\(name) '\(t)' must be a number of millimetres between 0 and \(Int(TemplateImages.maxSideMM))",
                                  at: node.attributeLocations[name] ?? node.location)
            }
            return v
        }
        // One side given: the other keeps the image's proportions.
        let ratio = Double(image.pixelHeight) / Double(image.pixelWidth)
        var width = try size("width"), height = try size("height")
        if width == nil && height == nil { width = TemplateImages.defaultWidthMM(role) }
        if width == nil, let h = height { width = h / ratio }
        if height == nil, let w = width { height = w * ratio }
        let w = min((width! * 100).rounded() / 100, TemplateImages.maxSideMM)
        let h = min((height! * 100).rounded() / 100, TemplateImages.maxSideMM)
        let alt = try attribute(node, "alt") ?? Self.defaultDescription(role)
        return Picture(image: image, role: role, widthMM: w, heightMM: h, description: alt)
    }

    static func defaultDescription(_ role: Picture.Role) -> String {
        switch role {
        case .signature: "Chữ ký"
        case .seal: "Con dấu"
        case .logo: "Biểu trưng"
        }
    }
}
