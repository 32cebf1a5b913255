import Foundation
import VanBanModel
import VanBanXML

/// Reads one sheet of an Excel workbook (.xlsx, Office Open XML SpreadsheetML).
///
/// Text comes from the shared strings (rich text runs joined, phonetic runs left out)
/// or from inline strings; a formula cell gives its cached value; a number is kept as
/// written in the file; a number whose format is a date or time becomes ISO text
/// (`2022-12-13`, `08:00`), in the workbook's 1900 or 1904 date system; a boolean is
/// `true`/`false`.
struct XLSXReader {
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    var zip: SpreadsheetArchive
    let sourceName: String
    let limits: SpreadsheetLimits

    struct Relationship { var id: String; var type: String; var target: String }

    /// The sheets of the workbook in order (name, entry path), and the date system.
    mutating func workbook() throws(VanBanError) -> (sheets: [(name: String, path: String)], date1904: Bool, sharedStrings: String?, styles: String?) {
        var workbookPath = "xl/workbook.xml"
        if let rels = try zip.read("_rels/.rels") {
            for r in try relationships(rels, file: "_rels/.rels", base: "") where r.type.hasSuffix("/officeDocument") {
                workbookPath = r.target
            }
        }
        let wbBytes = try zip.require(workbookPath)
        let dir = workbookPath.contains("/") ? String(workbookPath[..<workbookPath.lastIndex(of: "/")!]) + "/" : ""
        let relsPath = dir + "_rels/" + workbookPath.split(separator: "/").last! + ".rels"
        let rels = try relationships(try zip.require(relsPath), file: relsPath, base: dir)
        var sheets: [(String, String)] = []
        var date1904 = false
        let reader = try XMLStreamReader(bytes: wbBytes, file: "\(sourceName)/\(workbookPath)")
        while let e = try reader.next() {
            guard case .start(let el) = e else { continue }
            switch el.localName {
            case "workbookPr":
                if let v = el.attribute("date1904", namespace: ""), v == "1" || v == "true" { date1904 = true }
            case "sheet":
                let name = el.attribute("name", namespace: "") ?? "Sheet\(sheets.count + 1)"
                guard let rid = el.attributes.first(where: { $0.localName == "id" && !$0.namespace.isEmpty })?.value,
                      let target = rels.first(where: { $0.id == rid })?.target else {
                    throw SpreadsheetArchive.corrupt(sourceName, "the sheet '\(name)' has no part")
                }
                sheets.append((name, target))
            default: break
            }
        }
        let shared = rels.first { $0.type.hasSuffix("/sharedStrings") }?.target
        let styles = rels.first { $0.type.hasSuffix("/styles") }?.target
        return (sheets, date1904, shared, styles)
    }

    /// The relationships of a part; targets resolved against `base` (the part's folder).
    func relationships(_ bytes: [UInt8], file: String, base: String) throws(VanBanError) -> [Relationship] {
        var list: [Relationship] = []
        let reader = try XMLStreamReader(bytes: bytes, file: "\(sourceName)/\(file)")
        while let e = try reader.next() {
            guard case .start(let el) = e, el.localName == "Relationship" else { continue }
            if el.attribute("TargetMode") == "External" { continue }
            guard let id = el.attribute("Id"), let type = el.attribute("Type"), let target = el.attribute("Target") else { continue }
            list.append(Relationship(id: id, type: type, target: Self.resolve(target, base: base)))
        }
        return list
    }

    /// `worksheets/sheet1.xml` against `xl/` → `xl/worksheets/sheet1.xml`; `/xl/x.xml` → `xl/x.xml`.
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for p in target.split(separator: "/") {
            if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }

    /// The shared strings table.
    mutating func sharedStrings(_ path: String) throws(VanBanError) -> [String] {
        guard let bytes = try zip.read(path) else { return [] }
        let reader = try XMLStreamReader(bytes: bytes, file: "\(sourceName)/\(path)")
        var strings: [String] = []
        var current = ""
        var inT = false, skipDepth = 0
        while let e = try reader.next() {
            switch e {
            case .start(let el):
                if skipDepth > 0 { if !el.isEmpty { skipDepth += 1 }; continue }
                switch el.localName {
                case "si": current = ""; if el.isEmpty { strings.append("") }
                case "t": inT = !el.isEmpty
                case "rPh", "phoneticPr": if !el.isEmpty { skipDepth = 1 }
                default: break
                }
            case .end(let name, _):
                if skipDepth > 0 { skipDepth -= 1; continue }
                if name == "t" { inT = false }
                if name == "si" {
                    strings.append(cellText(CellValues.unescapeOOXML(current)))
                    if strings.count > limits.maxCells {
                        throw VanBanError(.data, "\(sourceName) has more than \(limits.maxCells) shared strings; reading stopped",
                                          help: "keep only the member list in the workbook")
                    }
                }
            case .text(let t):
                if inT && skipDepth == 0 { current += t }
            }
        }
        return strings
    }

    /// For each cell style (the `s` attribute), what its number format shows.
    mutating func styles(_ path: String?) throws(VanBanError) -> [CellValues.FormatKind] {
        guard let path, let bytes = try zip.read(path) else { return [] }
        let reader = try XMLStreamReader(bytes: bytes, file: "\(sourceName)/\(path)")
        var codes: [Int: String] = [:]
        var kinds: [CellValues.FormatKind] = []
        var inCellXfs = false
        while let e = try reader.next() {
            switch e {
            case .start(let el):
                switch el.localName {
                case "numFmt":
                    if let id = el.attribute("numFmtId").flatMap({ Int($0) }), let code = el.attribute("formatCode") { codes[id] = code }
                case "cellXfs": inCellXfs = !el.isEmpty
                case "xf" where inCellXfs:
                    let id = el.attribute("numFmtId").flatMap { Int($0) } ?? 0
                    kinds.append(CellValues.kind(numFmtId: id, code: codes[id]))
                default: break
                }
            case .end(let name, _):
                if name == "cellXfs" { inCellXfs = false }
            case .text: break
            }
        }
        return kinds
    }

    /// Reads the sheet named `sheet` (the first when nil); returns it and the names of every sheet.
    mutating func read(sheet wanted: String?) throws(VanBanError) -> (SheetData, [String]) {
        let book = try workbook()
        guard !book.sheets.isEmpty else { throw SpreadsheetArchive.corrupt(sourceName, "the workbook has no sheet") }
        let chosen: (name: String, path: String)
        if let wanted {
            guard let s = book.sheets.first(where: { $0.name == wanted }) ?? book.sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                throw VanBanError(.error, .input, Message("sheet.no-such-sheet", ["file": "\(sourceName)", "sheet": "\(wanted)", "sheets": "\(book.sheets.map { "'\($0.name)'" }.joined(separator: ", "))"]),
                                  help: Message("sheet.no-such-sheet.help"))
            }
            chosen = s
        } else {
            chosen = book.sheets[0]
        }
        let shared = try book.sharedStrings.map { p throws(VanBanError) in try sharedStrings(p) } ?? []
        let kinds = try styles(book.styles)
        let bytes = try zip.require(chosen.path)
        return (try parseSheet(bytes, name: chosen.name, path: chosen.path, shared: shared, kinds: kinds, date1904: book.date1904), book.sheets.map(\.name))
    }

    func parseSheet(_ bytes: [UInt8], name: String, path: String, shared: [String], kinds: [CellValues.FormatKind], date1904: Bool) throws(VanBanError) -> SheetData {
        let reader = try XMLStreamReader(bytes: bytes, file: "\(sourceName)/\(path)")
        var collector = SheetCollector(limits: limits, sourceName: sourceName, sheet: name)
        var rowNumber = 0
        var rowCells: [SheetData.Cell] = []
        var column = 0
        // The cell being read.
        var cellType = "n", cellStyle = 0, value = "", inline = ""
        var inV = false, inIS = false, inT = false, skipDepth = 0
        var inSheetData = false
        func place(_ row: Int, _ col: Int) -> SourceLocation {
            SourceLocation(file: sourceName, cell: SheetReference.cell(sheet: name, row: row, column: col), row: row, column: col)
        }
        func finishCell() throws(VanBanError) {
            let text: String
            switch cellType {
            case "s":
                guard let i = Int(CellValues.trim(value)), i >= 0, i < shared.count else {
                    if value.isEmpty { return }
                    throw VanBanError(.data, "the cell points to shared string \(value), which \(sourceName) does not have", at: place(rowNumber, column),
                                      help: "the file is damaged: open it in the spreadsheet program and save it again")
                }
                text = shared[i]
            case "inlineStr": text = cellText(CellValues.unescapeOOXML(inline))
            case "str": text = cellText(CellValues.unescapeOOXML(value))
            case "b": text = CellValues.trim(value) == "1" ? "true" : (value.isEmpty ? "" : "false")
            case "e": text = value
            case "d": text = CellValues.odfDate(CellValues.trim(value))
            default:
                let v = CellValues.trim(value)
                if v.isEmpty { return }
                let kind = cellStyle < kinds.count ? kinds[cellStyle] : .number
                if kind != .number, let d = CellValues.serialDate(v, kind: kind, date1904: date1904) {
                    text = d
                } else if let n = CellValues.plainDecimal(v) {
                    text = n
                } else {
                    throw VanBanError(.data, "the cell holds '\(v)', which is not a number", at: place(rowNumber, column),
                                      help: "the file is damaged: open it in the spreadsheet program and save it again")
                }
            }
            if !text.isEmpty {
                if let last = rowCells.last, last.column >= column {
                    throw VanBanError(.data, "\(sourceName): two cells of row \(rowNumber) are out of order", at: place(rowNumber, column),
                                      help: "the file is damaged: open it in the spreadsheet program and save it again")
                }
                rowCells.append(SheetData.Cell(column: column, text: text))
            }
        }
        while let e = try reader.next() {
            switch e {
            case .start(let el):
                if skipDepth > 0 { if !el.isEmpty { skipDepth += 1 }; continue }
                switch el.localName {
                case "sheetData": inSheetData = !el.isEmpty
                case "row" where inSheetData:
                    let r = el.attribute("r").flatMap { Int($0) } ?? rowNumber + 1
                    guard r > rowNumber, r <= 1_048_576 else {
                        throw VanBanError(.data, "\(sourceName): the sheet '\(name)' has a row numbered \(r) after row \(rowNumber)", at: place(max(rowNumber, 1), 1),
                                          help: "the file is damaged: open it in the spreadsheet program and save it again")
                    }
                    rowNumber = r
                    rowCells = []
                    column = 0
                    if el.isEmpty { rowCells = [] }
                case "c" where inSheetData:
                    column = el.attribute("r").flatMap { SheetReference.column(ofReference: $0) } ?? column + 1
                    guard column <= 16_384 else {
                        throw VanBanError(.data, "\(sourceName): a cell of row \(rowNumber) lies past column XFD", at: place(max(rowNumber, 1), 1),
                                          help: "the file is damaged: open it in the spreadsheet program and save it again")
                    }
                    cellType = el.attribute("t") ?? "n"
                    cellStyle = el.attribute("s").flatMap { Int($0) } ?? 0
                    value = ""; inline = ""
                    if el.isEmpty { try finishCell() }
                case "v": inV = !el.isEmpty
                case "is": inIS = !el.isEmpty
                case "t" where inIS: inT = !el.isEmpty
                case "rPh" where inIS, "extLst": if !el.isEmpty { skipDepth = 1 }
                case "f": if !el.isEmpty { skipDepth = 1 } // the formula; its cached value is in <v>
                default: break
                }
            case .end(let local, _):
                if skipDepth > 0 { skipDepth -= 1; continue }
                switch local {
                case "v": inV = false
                case "t": inT = false
                case "is": inIS = false
                case "c" where inSheetData: try finishCell()
                case "row" where inSheetData: try collector.add(row: rowNumber, cells: rowCells); rowCells = []
                case "sheetData": inSheetData = false
                default: break
                }
            case .text(let t):
                if inV { value += t } else if inIS && inT { inline += t }
            }
        }
        return SheetData(name: name, storage: collector.rows)
    }
}
