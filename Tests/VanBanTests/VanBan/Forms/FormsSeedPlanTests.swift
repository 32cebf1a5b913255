import Foundation
import Testing
import VanBan

/// Seed 001 is a news article about Kế hoạch số 138/KH-LHH ngày 21/8/2019 of the
/// Bình Định union. Its plan text must all be in the rendered plan: every sentence
/// between the website's navigation and "KT (Cập nhật …" appears, after
/// normalisation, in the text output of `ke-hoach` with the seed's fixture.
///
/// Deliberate changes are listed below, in two tables, and nowhere else.
@Suite("Forms: the seed plan's text is all there") struct FormsSeedPlanTests {
    static let seed = "seeds/001_5a9dc35f4ba5e994.txt"

    /// Corrections of the seed's typing, applied to the seed text before comparing.
    /// Only spacing and one stray character; the wording is kept as the seed has it.
    static let corrections: [(seed: String, plan: String, why: String)] = [
        ("mục tiêucủa", "mục tiêu của", "missing space (twice in the seed)"),
        ("2020là", "2020 là", "missing space"),
        ("củaLiên", "của Liên", "missing space"),
        ("chungnhằmkhơi", "chung nhằm khơi", "two missing spaces"),
        ("sáng tạo...tại", "sáng tạo... tại", "missing space after the ellipsis"),
        ("Quốc 3 khánh", "Quốc khánh", "a stray \"3\" inside \"Quốc khánh\" (a footnote or page mark of the web page)"),
        ("2018- 2023", "2018 - 2023", "spaces on both sides of the dash, as in \"2019 - 2020\" (twice)"),
        ("HD- SNV", "HD-SNV", "a number symbol has no spaces (Decree 30, App. I, II.3)"),
    ]

    /// The seed's misspellings that are kept, because the plan is reproduced as issued:
    /// "thực thuộc" (for trực thuộc), "quí II năm 2019" (the plan is dated August 2019),
    /// "5 năm đến". The test checks that they are still there.
    static let keptAsInTheSeed = ["đơn vị thực thuộc", "quí ii năm 2019", "5 năm đến"]

    /// Sentences written in the article's voice, and what the plan says instead
    /// (nil: the sentence is the reporter's, not the plan's).
    static let articleSentences: [(startsWith: String, plan: String?, why: String)] = [
        ("Thực hiện Quyết định số 2649/QĐ-UBND",
         "Thực hiện Quyết định số 2649/QĐ-UBND ngày 31/7/2019 của UBND tỉnh Bình Định; Công văn số 1059/HD-SNV ngày 9 tháng 8 năm 2019 của Sở Nội vụ Hướng dẫn Tổ chức Hội nghị Điển hình tiên tiến các cấp, Thường trực Liên hiệp Hội xây dựng Kế hoạch tổ chức Hội nghị Điển hình tiên tiến Liên hiệp Hội tiến tới Đại hội Thi đua yêu nước cấp tỉnh năm 2020 để triển khai đến các Hội thành viên và đơn vị trực thuộc; theo đó Hội nghị Điển hình tiên tiến Liên hiệp Hội dự kiến sẽ được tổ chức vào tháng 6 năm 2020.",
         "the article says the union \"đã chủ động xây dựng và sớm ban hành Kế hoạch số: 138/KH-LHH ngày 21/8/2019 về việc tổ chức …\"; in the plan the number and date are in the header, the subject under KẾ HOẠCH, and the two documents carried out are its bases"),
        ("Liên hiệp Hội cũng đã xây dựng kế hoạch cụ thể", nil,
         "the reporter's note on progress after the plan was issued"),
        ("Về mục đích, yêu cầu", "mục đích, yêu cầu",
         "the article's heading for section I. MỤC ĐÍCH, YÊU CẦU"),
    ]

    /// The plan's part of the seed: from the article's first paragraph ("Thực hiện …",
    /// after the navigation links) up to "KT (Cập nhật …".
    static func planText() throws -> String {
        _ = try RequiredTool.seeds.require()
        let url = Repo.shared.appendingPathComponent(seed)
        let raw = try #require(FileManager.default.contents(atPath: url.path), "the seed \(seed) is missing")
        let text = String(decoding: raw, as: UTF8.self).precomposedStringWithCanonicalMapping
        let start = try #require(text.range(of: "\nThực hiện Quyết định số"), "the seed's first paragraph was not found")
        let end = try #require(text.range(of: "(Cập nhật ngày 30-08-2019)", range: start.upperBound..<text.endIndex), "the seed's end mark was not found")
        var plan = String(text[text.index(after: start.lowerBound)..<end.lowerBound])
        // The page's "KT" (the reporter's initials, followed by no-break spaces) ends the article.
        while let last = plan.last, last.isWhitespace || last == "K" || last == "T" { plan.removeLast() }
        // One ordinary space for every run of spaces, tabs and no-break spaces.
        return plan.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            .joined(separator: "\n")
    }

    /// Splits paragraphs into sentences: after ".", "…", "?" or "!" when the next word
    /// starts with a capital letter. A leading list dash is dropped.
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.split(separator: "\n") {
            var para = line.trimmingCharacters(in: .whitespaces)
            while para.hasPrefix("-") { para = String(para.dropFirst()).trimmingCharacters(in: .whitespaces) }
            guard !para.isEmpty else { continue }
            let chars = Array(para)
            var current = ""
            var i = 0
            while i < chars.count {
                current.append(chars[i])
                if ".…?!".contains(chars[i]) {
                    var j = i + 1
                    var sawSpace = false
                    while j < chars.count, chars[j].isWhitespace { j += 1; sawSpace = true }
                    if sawSpace, j < chars.count, chars[j].isUppercase {
                        out.append(current.trimmingCharacters(in: .whitespaces))
                        current = ""
                        i = j
                        continue
                    }
                }
                i += 1
            }
            let last = current.trimmingCharacters(in: .whitespaces)
            if !last.isEmpty { out.append(last) }
        }
        return out
    }

    /// NFC, lower case, one kind of dash, quote and ellipsis, single spaces.
    static func normalise(_ s: String) -> String {
        var t = s.precomposedStringWithCanonicalMapping.lowercased()
        for d in ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"] { t = t.replacingOccurrences(of: d, with: "-") }
        for q in ["\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}"] { t = t.replacingOccurrences(of: q, with: "\"") }
        for q in ["\u{2018}", "\u{2019}"] { t = t.replacingOccurrences(of: q, with: "'") }
        t = t.replacingOccurrences(of: "\u{2026}", with: "...")
        return t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The text output without the list markers the writer puts at the start of lines
    /// ("I.", "1.", "a)"), joined into one normalised string.
    static func renderedText() throws -> String {
        let data = try Forms.data("Fixtures/seed-binh-dinh-2019/ke-hoach.json")
        let text = try Forms.render("ke-hoach", data)
        let marker = try Regex(#"^\s*(?:[IVXLCDM]+\.|[0-9]+\.|[a-zđ]{1,2}\))\s+(?=\S)"#)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line).replacing(marker, with: "", maxReplacements: 1)
        }
        return normalise(lines.joined(separator: "\n"))
    }

    @Test(.requires(.seeds)) func correctionsAreFoundInTheSeed() throws {
        let plan = try Self.planText()
        for c in Self.corrections {
            #expect(plan.contains(c.seed), "the correction \"\(c.seed)\" → \"\(c.plan)\" no longer matches the seed")
        }
        let sentences = Self.sentences(plan)
        for a in Self.articleSentences {
            #expect(sentences.contains { $0.hasPrefix(a.startsWith) }, "no seed sentence starts \"\(a.startsWith)\"")
        }
    }

    @Test(.requires(.seeds)) func everySentenceOfThePlanIsInTheTextOutput() throws {
        var plan = try Self.planText()
        for c in Self.corrections { plan = plan.replacingOccurrences(of: c.seed, with: c.plan) }
        let sentences = Self.sentences(plan)
        #expect(sentences.count >= 25, "the seed's plan has \(sentences.count) sentences; the splitter is broken")
        let output = try Self.renderedText()
        var checked = 0
        for sentence in sentences {
            var expected: String? = sentence
            if let a = Self.articleSentences.first(where: { sentence.hasPrefix($0.startsWith) }) { expected = a.plan }
            guard let expected else { continue }
            #expect(output.contains(Self.normalise(expected)), "not in the plan's text output: \(expected)")
            checked += 1
        }
        #expect(checked == sentences.count - Self.articleSentences.filter { $0.plan == nil }.count)
        for kept in Self.keptAsInTheSeed { #expect(output.contains(kept)) }
    }

    @Test func numberingFollowsDecree30ForPlans() throws {
        let data = try Forms.data("Fixtures/seed-binh-dinh-2019/ke-hoach.json")
        let text = try Forms.render("ke-hoach", data)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("I. MỤC ĐÍCH, YÊU CẦU"))
        #expect(lines.contains { $0.hasPrefix("II. NHỮNG NỘI DUNG CẦN TẬP TRUNG CHỈ ĐẠO") })
        #expect(lines.contains("III. TIẾN ĐỘ VÀ TỔ CHỨC THỰC HIỆN"))
        #expect(lines.contains { $0.hasPrefix("1. Tiếp tục phát động") })
        #expect(lines.contains { $0.hasPrefix("   a) Phong trào thi đua “Chung sức") })
        #expect(lines.contains { $0.hasPrefix("   đ) Phong trào thi đua thực hiện nhiệm vụ") })
        #expect(text.contains("Số: 138/KH-LHH"))
        #expect(text.contains("Bình Định, ngày 21 tháng 8 năm 2019"))
        #expect(text.contains("đề\nra./.") || text.contains("đề ra./."))
        #expect(text.contains("Nguyễn Thị Thanh Bình"))
        #expect(!text.contains("TTND") && !text.contains("BSCKII"))
    }

    @Test func deadlinesAreISODatesInTheDataAndVietnameseInTheText() throws {
        let data = try Forms.data("Fixtures/seed-binh-dinh-2019/ke-hoach.json")
        let timetable = try #require(data["sections"]?.arrayValue?.last?["items"]?.arrayValue)
        let deadlines = timetable.compactMap { $0["deadline"]?.text }
        #expect(deadlines == ["2019-08-25", "2020-04-15", "2020-04-15"])
        let out = try Self.renderedText()
        #expect(out.contains(Self.normalise("Xây dựng Kế hoạch tổ chức Hội nghị điển hình tiên tiến Liên hiệp Hội (Văn phòng Liên hiệp Hội, thời gian trước ngày 25/8/2019).")))
    }
}
