import Foundation
import VanBanModel
import VanBanXML

/// Reads one sheet (`table:table`) of an OpenDocument spreadsheet (.ods).
///
/// A cell's value comes from its `office:value-type`: a float, percentage or currency
/// cell gives `office:value` as written; a date cell `office:date-value` (ISO already);
/// a time cell `office:time-value` (`PT08H00M00S` → `08:00`); a boolean
/// `office:boolean-value`; a text cell its paragraphs, joined by line breaks (spaces
/// `text:s`, tabs and line breaks expanded; annotations left out). A formula cell
/// carries its cached value in the same attributes. Repeated rows and cells
/// (`number-rows-repeated`, `number-columns-repeated`) are expanded only when they hold
/// a value, so a million empty rows cost nothing.
struct ODSReader {
    static let tableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    var zip: SpreadsheetArchive
    let sourceName: String
    let limits: SpreadsheetLimits

    /// The sheet named `wanted` (the first when nil), and the names of every sheet.
    mutating func read(sheet wanted: String?) throws(VanBanError) -> (SheetData, [String]) {
        let bytes = try zip.require("content.xml")
        let reader = try XMLStreamReader(bytes: bytes, file: "\(sourceName)/content.xml")
        var names: [String] = []
        var result: SheetData?
        while let e = try reader.next() {
            guard case .start(let el) = e, el.localName == "table", el.namespace == Self.tableNS else { continue }
            let name = el.attribute("name", namespace: Self.tableNS) ?? "Sheet\(names.count + 1)"
            names.append(name)
            let matches = wanted.map { $0 == name || $0.lowercased() == name.lowercased() } ?? (names.count == 1)
            if matches && result == nil && !el.isEmpty {
                result = try readTable(reader, name: name)
            } else if matches && result == nil {
                result = SheetData(name: name, storage: [])
            } else {
                try reader.skipElement(el)
            }
        }
        if let result { return (result, names) }
        if let wanted {
            throw VanBanError(.error, .input, Message("sheet.no-such-sheet", ["file": "\(sourceName)", "sheet": "\(wanted)", "sheets": "\(names.map { "'\($0)'" }.joined(separator: ", "))"]),
                              help: Message("sheet.no-such-sheet.help"))
        }
        throw SpreadsheetArchive.corrupt(sourceName, "it has no sheet")
    }

    /// Reads the rows of the table whose start tag was just read.
    func readTable(_ reader: XMLStreamReader, name: String) throws(VanBanError) -> SheetData {
        var collector = SheetCollector(limits: limits, sourceName: sourceName, sheet: name)
        var row = 0          // rows done so far
        var column = 0       // columns done so far in the current row
        var rowRepeat = 1
        var rowCells: [SheetData.Cell] = []
        // The cell being read.
        var cellRepeat = 1
        var cellValue: String?  // from attributes
        var paragraphs: [String] = []
        var inCell = false, inParagraph = 0
        var skipDepth = 0
        var depth = 1

        func place(_ r: Int, _ c: Int) -> SourceLocation {
            SourceLocation(file: sourceName, cell: SheetReference.cell(sheet: name, row: r, column: c), row: r, column: c)
        }
        func count(_ el: XMLStreamElement, _ attr: String) throws(VanBanError) -> Int {
            guard let s = el.attribute(attr, namespace: Self.tableNS) else { return 1 }
            guard let n = Int(s), n >= 1, n <= 1_048_576 else {
                throw VanBanError(.data, "\(sourceName): table:\(attr)=\"\(s)\" is not a count", at: place(max(row, 1), max(column, 1)),
                                  help: "the file is damaged: open it in the spreadsheet program and save it again")
            }
            return n
        }
        func finishCell() throws(VanBanError) {
            let text = cellText(cellValue ?? paragraphs.joined(separator: "\n"))
            if !text.isEmpty {
                guard column + cellRepeat <= 16_384 else {
                    throw VanBanError(.data, "\(sourceName): row \(row + 1) of the sheet '\(name)' has values past column XFD", at: place(row + 1, 1),
                                      help: "keep only the member list in the sheet")
                }
                for k in 1...cellRepeat { rowCells.append(SheetData.Cell(column: column + k, text: text)) }
            }
            column += cellRepeat
        }
        func finishRow() throws(VanBanError) {
            if rowCells.isEmpty {
                row += rowRepeat
            } else {
                for _ in 0..<rowRepeat {
                    row += 1
                    guard row <= 1_048_576 else {
                        throw VanBanError(.data, "\(sourceName): the sheet '\(name)' has more than 1 048 576 rows", at: place(1_048_576, 1),
                                          help: "the file is damaged: open it in the spreadsheet program and save it again")
                    }
                    try collector.add(row: row, cells: rowCells)
                }
            }
            rowCells = []
        }

        while depth > 0, let e = try reader.next() {
            switch e {
            case .start(let el):
                if !el.isEmpty { depth += 1 }
                if skipDepth > 0 { if !el.isEmpty { skipDepth += 1 }; continue }
                switch (el.namespace, el.localName) {
                case (Self.tableNS, "table-row"):
                    rowRepeat = try count(el, "number-rows-repeated")
                    column = 0
                    rowCells = []
                    if el.isEmpty { try finishRow() }
                case (Self.tableNS, "table-cell"), (Self.tableNS, "covered-table-cell"):
                    cellRepeat = try count(el, "number-columns-repeated")
                    paragraphs = []
                    cellValue = nil
                    if el.localName == "table-cell" {
                        let type = el.attribute("value-type", namespace: Self.officeNS) ?? ""
                        switch type {
                        case "float", "percentage", "currency":
                            cellValue = el.attribute("value", namespace: Self.officeNS).map { CellValues.plainDecimal($0) ?? $0 }
                        case "date":
                            cellValue = el.attribute("date-value", namespace: Self.officeNS).map(CellValues.odfDate)
                        case "time":
                            cellValue = el.attribute("time-value", namespace: Self.officeNS).map { CellValues.odfTime($0) ?? $0 }
                        case "boolean":
                            cellValue = el.attribute("boolean-value", namespace: Self.officeNS)
                        case "string":
                            cellValue = el.attribute("string-value", namespace: Self.officeNS)
                        default: break
                        }
                    }
                    inCell = !el.isEmpty
                    if el.isEmpty { try finishCell() }
                case (Self.officeNS, "annotation"):
                    if !el.isEmpty { skipDepth = 1 }
                case (Self.textNS, "p"), (Self.textNS, "h"):
                    if inCell {
                        if inParagraph == 0 { paragraphs.append("") }
                        if !el.isEmpty { inParagraph += 1 }
                    }
                case (Self.textNS, "s"):
                    if inParagraph > 0 {
                        let n = min(Int(el.attribute("c", namespace: Self.textNS) ?? "1") ?? 1, 1000)
                        paragraphs[paragraphs.count - 1] += String(repeating: " ", count: max(n, 1))
                    }
                case (Self.textNS, "tab"):
                    if inParagraph > 0 { paragraphs[paragraphs.count - 1] += "\t" }
                case (Self.textNS, "line-break"):
                    if inParagraph > 0 { paragraphs[paragraphs.count - 1] += "\n" }
                default: break
                }
            case .end(let local, let ns):
                depth -= 1
                if skipDepth > 0 { skipDepth -= 1; continue }
                switch (ns, local) {
                case (Self.tableNS, "table-cell"), (Self.tableNS, "covered-table-cell"):
                    inCell = false
                    try finishCell()
                case (Self.tableNS, "table-row"):
                    try finishRow()
                case (Self.textNS, "p"), (Self.textNS, "h"):
                    if inParagraph > 0 { inParagraph -= 1 }
                default: break
                }
            case .text(let t):
                if inParagraph > 0 && skipDepth == 0 { paragraphs[paragraphs.count - 1] += t }
            }
        }
        return SheetData(name: name, storage: collector.rows)
    }
}
