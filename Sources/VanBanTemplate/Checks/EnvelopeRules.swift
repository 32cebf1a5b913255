import Foundation
import VanBanModel

/// Checks of the envelope every document shares (`Templates/_parts/envelope.xml`): the
/// number and symbol, "Nơi nhận" and the signature. They apply when the template
/// declares the envelope's top-level fields (`number`, `issuer.abbreviation`, `unit`,
/// `copies_to`, `signer`).
enum EnvelopeRules {
    static func check(_ ctx: inout CheckContext) {
        let declared = Set(ctx.fields.map(\.name))
        if declared.contains("number") { number(&ctx) }
        if declared.contains("issuer") { abbreviation(ctx.data["issuer"]?["abbreviation"], path: "$.issuer.abbreviation", what: "issuer", &ctx) }
        if declared.contains("unit") { abbreviation(ctx.data["unit"], path: "$.unit", what: "unit", &ctx) }
        citations(&ctx)
        if declared.contains("copies_to") { copiesTo(&ctx) }
        if declared.contains("signer") { signer(&ctx) }
    }

    // MARK: Number and symbol

    static func number(_ ctx: inout CheckContext) {
        let p = "$.number"
        let exact: ExactDecimal?
        switch ctx.data["number"] {
        case .number(let x)?:
            guard let e = x.exact else { return } // too many digits: the contract says so
            exact = e
        case .string(let s)?: exact = try? ExactDecimal.parse(s).get()
        default: return // missing or mistyped: the contract says so
        }
        guard let exact, exact.isWhole else {
            ctx.error(p, "number", Message("number.not-whole"), help: Message("number.not-whole.help"))
            return
        }
        // The same reading as the `symbol` filter's, so check and render agree.
        guard let n = exact.intValue else {
            ctx.error(p, "number", Message("number.too-large", ["number": "\(exact)", "max": "\(Int.max)"]), help: Message("number.too-large.help"))
            return
        }
        if n < 1 {
            ctx.warn(p, "number", Message("number.below-one", ["number": "\(n)"]), help: Message("number.help"))
        } else if n > 999_999_999 {
            ctx.warn(p, "number", Message("number.too-many-digits", ["number": "\(n)"]), help: Message("number.help"))
        }
    }

    /// A group of the symbol: letters and digits only, upper case (Appendix I, II.3).
    static func abbreviation(_ v: Value?, path p: String, what whose: String, _ ctx: inout CheckContext) {
        guard let s = v?.stringValue else { return }
        let what = MessageArgument.phrase(Message("symbol.what." + whose))
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.isEmpty {
            ctx.warn(p, "symbol", Message("symbol.empty", ["what": what]), help: Message("symbol.empty.help"))
            return
        }
        let bad = t.unicodeScalars.filter { !(CharacterSet.letters.contains($0) || ("0"..."9").contains($0) || $0 == "-") }
        if !bad.isEmpty {
            let shown = Array(Set(bad.map { $0 == " " ? "a space" : "'\($0)'" })).sorted()
            let fixed = String(String.UnicodeScalarView(t.unicodeScalars.filter { !bad.contains($0) }))
            let characters = MessageArgument.list(shown.map { $0 == "a space" ? .phrase(Message("char.space")) : .text($0) })
            ctx.warn(p, "symbol", Message("symbol.bad-characters", ["what": what, "value": "\(s)", "characters": characters]),
                     help: Message("symbol.write", ["value": "\(VietnameseText.upper(fixed))"]))
            return
        }
        if t != VietnameseText.upper(t) {
            ctx.warn(p, "symbol", Message("symbol.lower-case", ["what": what, "value": "\(s)"]), help: Message("symbol.write", ["value": "\(VietnameseText.upper(t))"]))
        }
        if t.hasPrefix("-") || t.hasSuffix("-") || t.contains("--") {
            ctx.warn(p, "symbol", Message("symbol.empty-group", ["what": what, "value": "\(s)"]), help: Message("symbol.empty-group.help"))
        }
    }

    /// Text that cites a symbol of this issuer with a document-type group that is not in
    /// Appendix III ("22/UGM-LHH" when the issuer is LHH): a misspelt type.
    static func citations(_ ctx: inout CheckContext) {
        guard let issuer = ctx.data["issuer"]?["abbreviation"]?.stringValue?.trimmingCharacters(in: .whitespaces), !issuer.isEmpty else { return }
        let known = DocumentType.allCases.compactMap(\.abbreviation)
        let found: [(path: String, token: String, parsed: NumberSymbol.Parsed)]
        if let scan = ctx.citations, scan.issuer == issuer {
            // The caller walked the strings (a batch: the base data's once per batch).
            found = scan.found
        } else {
            var scan = CitationScan(issuer: issuer)
            TextChecks.eachString(ctx.data, path: "$") { path, s in scan.add(CitationScan.tokens(in: s, issuer: issuer), at: path) }
            found = scan.found
        }
        for (path, token, parsed) in found {
            let type = parsed.groups[0]
            var suggestion: MessageArgument = "", ownType: MessageArgument = ""
            if let near = Suggest.nearest(to: type, in: known), let t = DocumentType.withAbbreviation(near) {
                suggestion = .phrase(Message("symbol.not-a-type.suggestion", ["symbol": "\(parsed.number)/\(([near] + parsed.groups.dropFirst()).joined(separator: "-"))",
                                                                              "abbreviation": "\(near)", "name": "\(t.name)"]))
            }
            if let own = ctx.documentType, let abbr = own.abbreviation {
                ownType = .phrase(Message("symbol.not-a-type.own", ["type": "\(VietnameseText.lower(own.name))", "abbreviation": "\(abbr)", "issuer": "\(issuer)"]))
            }
            ctx.warn(path, "symbol", Message("symbol.not-a-type", ["token": "\(token)", "issuer": "\(issuer)", "type": "\(type)"]),
                     help: Message("symbol.not-a-type.help", ["suggestion": suggestion, "own": ownType]))
        }
    }

    /// Candidate "number/symbol" tokens: runs of letters, digits, "/" and "-" that start
    /// with a digit and are not part of a longer number ("30/2020/NĐ-CP" has a year and
    /// is left alone by ``NumberSymbol/parse(_:)``).
    static func symbolTokens(_ s: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        func flush() {
            while let l = current.last, l == "-" || l == "/" { current.removeLast() }
            if current.first?.isASCII == true, current.first?.isNumber == true, current.contains("/") { tokens.append(current) }
            current = ""
        }
        for c in s {
            if c.isLetter || c.isNumber || c == "/" || c == "-" { current.append(c) } else { flush() }
        }
        flush()
        return tokens
    }

    // MARK: Nơi nhận

    static func copiesTo(_ ctx: inout CheckContext) {
        guard let items = ctx.data["copies_to"]?.arrayValue else { return }
        let p = "$.copies_to"
        let texts = items.map { $0.stringValue.map(Punctuation.bare) ?? "" }
        let archive = texts.firstIndex { VietnameseText.lower(VietnameseText.fold($0)).hasPrefix("luu") }
        guard let a = archive else {
            ctx.warn(p, "copies-to", Message("copies-to.no-archive"), help: Message("copies-to.no-archive.help"))
            return
        }
        let item = texts[a]
        let afterLabel = item.drop { $0 != ":" }.dropFirst()
        let groups = afterLabel.split { $0 == "," || $0 == " " || $0 == "(" }.map { String($0) }
        if !groups.contains("VT") {
            ctx.warn("\(p)[\(a)]", "copies-to", Message("copies-to.no-vt", ["item": "\(item)"]), help: Message("copies-to.no-vt.help"))
        }
        if a != texts.count - 1 {
            ctx.warn("\(p)[\(a)]", "copies-to", Message("copies-to.not-last", ["item": "\(item)"]), help: Message("copies-to.not-last.help"))
        }
    }

    // MARK: Signature

    static func signer(_ ctx: inout CheckContext) {
        guard case .object(let s)? = ctx.data["signer"] else { return }
        func text(_ k: String) -> String? {
            guard let t = s[k]?.stringValue?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            return t
        }
        let authorityText = text("authority")
        let authority = authorityText.flatMap(SignatureAuthority.init(parsing:))
        if authorityText != nil && authority == nil { return } // the contract reports an unknown authority
        let org = text("organization"), head = text("head_title")
        guard let title = text("title") else { return }
        do {
            _ = try SignatureLines.make(authority: authority, organization: org, headTitle: head, title: title)
        } catch {
            if let text = error.text {
                ctx.error("$.signer", "signature", text, help: Message("signature.cannot-print.help"))
            } else {
                ctx.error("$.signer", "signature", error.message, help: Message("signature.cannot-print.help").text(in: .en))
            }
            return
        }
        func isDeputy(_ t: String) -> Bool { VietnameseText.lower(VietnameseText.fold(t)).hasPrefix("pho ") }
        func same(_ a: String, _ b: String) -> Bool { VietnameseText.lower(a) == VietnameseText.lower(b) }
        switch authority {
        case .kt?:
            if !isDeputy(title) {
                ctx.warn("$.signer.title", "signature", Message("signature.kt-not-deputy", ["title": "\(title)"]), help: Message("signature.kt-not-deputy.help"))
            }
            if let head, isDeputy(head) {
                ctx.warn("$.signer.head_title", "signature", Message("signature.kt-head-is-deputy", ["head": "\(head)"]), help: Message("signature.kt-head-is-deputy.help"))
            }
            if let head, same(head, title) {
                ctx.warn("$.signer.title", "signature", Message("signature.kt-same-title", ["title": "\(title)"]), help: Message("signature.kt-same-title.help"))
            }
        case .tl?, .tuq?:
            if let head, same(head, title) {
                ctx.warn("$.signer.title", "signature", Message("signature.order-same-title", ["title": "\(title)", "authority": "\(authority!.rawValue)"]),
                         help: Message("signature.order-same-title.help"))
            }
            if org != nil {
                ctx.warn("$.signer.organization", "signature", Message("signature.organization-unused", ["authority": "\(authority!.rawValue)"]),
                         help: Message("signature.organization-unused.help"))
            }
        case .tm?:
            if head != nil {
                ctx.warn("$.signer.head_title", "signature", Message("signature.head-unused-tm"),
                         help: Message("signature.head-unused-tm.help", ["head": "\(VietnameseText.upper(head!))"]))
            }
        case .q?:
            if isDeputy(title) {
                ctx.warn("$.signer.title", "signature", Message("signature.q-deputy", ["title": "\(title)"]), help: Message("signature.q-deputy.help"))
            }
            if head != nil {
                ctx.warn("$.signer.head_title", "signature", Message("signature.head-unused-q"), help: Message("help.remove-it"))
            }
        case nil:
            if head != nil {
                ctx.warn("$.signer.head_title", "signature", Message("signature.head-without-authority"), help: Message("signature.head-without-authority.help"))
            }
            if org != nil {
                ctx.warn("$.signer.organization", "signature", Message("signature.organization-without-authority"),
                         help: Message("signature.organization-without-authority.help"))
            }
        }
    }
}
