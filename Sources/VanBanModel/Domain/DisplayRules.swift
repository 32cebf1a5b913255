/// The Decree 30 display rules that every writer applies to the model, each defined
/// once here so that plain text, HTML and ODF always agree: list numbering and markers,
/// the "Kính gửi" and "Nơi nhận" lines, and the repair of table column widths.

// MARK: Lists

extension ListBlock {
    /// The numbers a list may start at. A start outside is brought to the nearest end
    /// (``firstNumber``), so numbering never overflows whatever the list's length;
    /// the template compiler refuses such a start with its location.
    public static let startRange: ClosedRange<Int> = 0...1_000_000

    /// The number of the first item: ``start`` brought into ``startRange``.
    public var firstNumber: Int {
        min(max(start, Self.startRange.lowerBound), Self.startRange.upperBound)
    }

    /// The marker of the item at `index` (0-based): "1.", "đ)", "IV.", "-", "+".
    public func marker(ofItem index: Int) -> String {
        style.marker(firstNumber + index)
    }

    /// The markers of all items, in order.
    public var markers: [String] {
        items.indices.map { marker(ofItem: $0) }
    }
}

// MARK: Kính gửi, Nơi nhận

extension Recipients {
    /// The "Kính gửi" lines as every format shows them (``Punctuation/recipients(label:_:)``):
    /// one recipient on the label's line, several as a punctuated dash list under it.
    public var lines: (first: String, list: [String]) {
        Punctuation.recipients(label: label, names)
    }
}

extension CopiesTo {
    /// The punctuated "Nơi nhận" items (``Punctuation/copiesTo(_:)``): "- Như trên;" … "- Lưu: VT.".
    public var lines: [String] {
        Punctuation.copiesTo(items)
    }
}

// MARK: Tables

extension Table {
    /// The relative weights of `count` columns: the table's ``widths``, with missing,
    /// non-positive or non-finite ones replaced by the mean of the valid ones (or 1 when
    /// none is valid). Every writer scales these to its text width.
    public func columnWeights(count: Int) -> [Double] {
        let valid = widths.filter { $0.isFinite && $0 > 0 }
        let fallback = valid.isEmpty ? 1 : valid.reduce(0, +) / Double(valid.count)
        return (0..<count).map { $0 < widths.count && widths[$0].isFinite && widths[$0] > 0 ? widths[$0] : fallback }
    }
}
