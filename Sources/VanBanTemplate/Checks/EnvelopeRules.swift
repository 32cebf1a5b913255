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
        if declared.contains("issuer") { abbreviation(ctx.data["issuer"]?["abbreviation"], path: "$.issuer.abbreviation", what: "the issuer's abbreviation", &ctx) }
        if declared.contains("unit") { abbreviation(ctx.data["unit"], path: "$.unit", what: "the drafting unit's abbreviation", &ctx) }
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
            ctx.error(p, "number", "the document number must be a whole number",
                      help: "write the number from the register, e.g. 232; the template adds the leading zero below 10")
            return
        }
        // The same reading as the `symbol` filter's, so check and render agree.
        guard let n = exact.intValue else {
            ctx.error(p, "number", "the document number \(exact) is too large (the largest VanBan writes is \(Int.max); a register number has a few digits)",
                      help: "write the number from the register, e.g. 232")
            return
        }
        if n < 1 {
            ctx.warn(p, "number", "the document number \(n) is not a register number; numbering starts at 01 on 1 January (Decree 30, Art. 15)",
                     help: "write the number from the register")
        } else if n > 999_999_999 {
            ctx.warn(p, "number", "the document number \(n) has more than 9 digits", help: "write the number from the register")
        }
    }

    /// A group of the symbol: letters and digits only, upper case (Appendix I, II.3).
    static func abbreviation(_ v: Value?, path p: String, what: String, _ ctx: inout CheckContext) {
        guard let s = v?.stringValue else { return }
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.isEmpty {
            ctx.warn(p, "symbol", "\(what) is empty, so the symbol has a missing group",
                     help: "write it, e.g. \"LHH\"; it goes after the document type in \"232/GM-LHH\"")
            return
        }
        let bad = t.unicodeScalars.filter { !(CharacterSet.letters.contains($0) || ("0"..."9").contains($0) || $0 == "-") }
        if !bad.isEmpty {
            let shown = Array(Set(bad.map { $0 == " " ? "a space" : "'\($0)'" })).sorted().joined(separator: ", ")
            let fixed = String(String.UnicodeScalarView(t.unicodeScalars.filter { !bad.contains($0) }))
            ctx.warn(p, "symbol", "\(what) \"\(s)\" contains \(shown); a ký hiệu group is letters and digits only (groups are joined by \"-\", the number by \"/\")",
                     help: "write \"\(VietnameseText.upper(fixed))\"")
            return
        }
        if t != VietnameseText.upper(t) {
            ctx.warn(p, "symbol", "\(what) \"\(s)\" is not in upper case; Decree 30 writes the ký hiệu in capitals",
                     help: "write \"\(VietnameseText.upper(t))\"")
        }
        if t.hasPrefix("-") || t.hasSuffix("-") || t.contains("--") {
            ctx.warn(p, "symbol", "\(what) \"\(s)\" has an empty group", help: "remove the extra \"-\"")
        }
    }

    /// Text that cites a symbol of this issuer with a document-type group that is not in
    /// Appendix III ("22/UGM-LHH" when the issuer is LHH): a misspelt type.
    static func citations(_ ctx: inout CheckContext) {
        guard let issuer = ctx.data["issuer"]?["abbreviation"]?.stringValue?.trimmingCharacters(in: .whitespaces), !issuer.isEmpty else { return }
        let known = DocumentType.allCases.compactMap(\.abbreviation)
        var found: [(String, String, NumberSymbol.Parsed)] = []
        TextChecks.eachString(ctx.data, path: "$") { path, s in
            guard s.contains("/"), s.contains(issuer) else { return }
            for token in symbolTokens(s) {
                guard let parsed = NumberSymbol.parse(token), parsed.groups.count >= 2 else { continue }
                guard parsed.groups.dropFirst().contains(issuer), parsed.groups[0] != issuer else { continue }
                if DocumentType.withAbbreviation(parsed.groups[0]) == nil { found.append((path, token, parsed)) }
            }
        }
        for (path, token, parsed) in found {
            let type = parsed.groups[0]
            var help = "use the abbreviation of the document type from Appendix III"
            if let near = Suggest.nearest(to: type, in: known), let t = DocumentType.withAbbreviation(near) {
                help = "did you mean \"\(parsed.number)/\(([near] + parsed.groups.dropFirst()).joined(separator: "-"))\" (\(near) = \(t.name))? " + help
            }
            if let own = ctx.documentType, let abbr = own.abbreviation {
                help += "; this \(VietnameseText.lower(own.name)) is numbered \(abbr)-\(issuer)"
            }
            ctx.warn(path, "symbol", "\"\(token)\" cites a document of \(issuer), but \"\(type)\" is not a document type in Appendix III of Decree 30",
                     help: help)
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
            ctx.warn(p, "copies-to", "\"Nơi nhận\" has no \"Lưu: VT\" item; the office keeps a copy of every document it issues (Decree 30, App. I, II.9.d)",
                     help: "add \"Lưu: VT\" as the last item, with the drafting unit if any, e.g. \"Lưu: VT, VP\"")
            return
        }
        let item = texts[a]
        let afterLabel = item.drop { $0 != ":" }.dropFirst()
        let groups = afterLabel.split { $0 == "," || $0 == " " || $0 == "(" }.map { String($0) }
        if !groups.contains("VT") {
            ctx.warn("\(p)[\(a)]", "copies-to", "the archive item \"\(item)\" does not name VT (văn thư)",
                     help: "write it \"Lưu: VT\", or \"Lưu: VT, ‹unit›\"")
        }
        if a != texts.count - 1 {
            ctx.warn("\(p)[\(a)]", "copies-to", "\"\(item)\" is not the last item of \"Nơi nhận\"; the archive line comes last",
                     help: "move it to the end of copies_to")
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
            ctx.error("$.signer", "signature", error.message, help: "fix the signer so the signature block can be printed")
            return
        }
        func isDeputy(_ t: String) -> Bool { VietnameseText.lower(VietnameseText.fold(t)).hasPrefix("pho ") }
        func same(_ a: String, _ b: String) -> Bool { VietnameseText.lower(a) == VietnameseText.lower(b) }
        switch authority {
        case .kt?:
            if !isDeputy(title) {
                ctx.warn("$.signer.title", "signature", "KT. (ký thay) is signed by a deputy, but signer.title \"\(title)\" is not a deputy's title",
                         help: "write the deputy's own title (e.g. \"Phó Chủ tịch\"); if the head signs, use TM. or no authority")
            }
            if let head, isDeputy(head) {
                ctx.warn("$.signer.head_title", "signature", "after KT. comes the head's title, but signer.head_title is \"\(head)\"",
                         help: "write the head's title, e.g. \"Chủ tịch\"; the deputy's title goes in signer.title")
            }
            if let head, same(head, title) {
                ctx.warn("$.signer.title", "signature", "signer.title and signer.head_title are both \"\(title)\"; KT. means a deputy signs for the head",
                         help: "write the deputy's own title in signer.title")
            }
        case .tl?, .tuq?:
            if let head, same(head, title) {
                ctx.warn("$.signer.title", "signature", "signer.title and signer.head_title are both \"\(title)\"; with \(authority!.rawValue) the signer is not the head",
                         help: "write the signer's own title in signer.title, e.g. \"Chánh Văn phòng\"")
            }
            if org != nil {
                ctx.warn("$.signer.organization", "signature", "signer.organization is not printed with \(authority!.rawValue)",
                         help: "remove it, or use TM. if the document is signed on behalf of a collective")
            }
        case .tm?:
            if head != nil {
                ctx.warn("$.signer.head_title", "signature", "signer.head_title is not printed with TM. alone",
                         help: "for \"TM. … / KT. \(VietnameseText.upper(head!)) / …\" set signer.authority to \"KT.\" and keep signer.organization")
            }
        case .q?:
            if isDeputy(title) {
                ctx.warn("$.signer.title", "signature", "Q. (quyền) goes before the head's title, but signer.title is \"\(title)\"",
                         help: "write the title of the post held in an acting capacity, e.g. \"Chủ tịch\"")
            }
            if head != nil {
                ctx.warn("$.signer.head_title", "signature", "signer.head_title is not printed with Q.", help: "remove it")
            }
        case nil:
            if head != nil {
                ctx.warn("$.signer.head_title", "signature", "signer.head_title is given but signer.authority is empty, so it is not printed",
                         help: "set signer.authority to \"KT.\" if a deputy signs for the head, or remove head_title")
            }
            if org != nil {
                ctx.warn("$.signer.organization", "signature", "signer.organization is given but signer.authority is empty, so it is not printed",
                         help: "set signer.authority to \"TM.\" to sign on behalf of it, or remove it")
            }
        }
    }
}
