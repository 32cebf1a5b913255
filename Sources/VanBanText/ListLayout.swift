import VanBanModel

/// Lists: markers drawn from the style, hanging indents, nested blocks.
enum ListLayout {
    /// The narrowest width nested blocks are given; deeper nesting stops indenting.
    static let minimumNestedWidth = 20

    /// A list, flush with the left edge of `width`. The text of every item starts one
    /// column after the widest marker of the list, and its continuation lines align
    /// with it. An item's nested blocks are indented to the same column. A marker too
    /// wide for that (over half the width) stands on a line of its own.
    static func list(_ list: ListBlock, width: Int) throws(VanBanError) -> [String] {
        let markers = list.markers
        let widest = markers.map(TextWrap.columns).max() ?? 0
        let column = widest + 1 <= width / 2 ? widest + 1 : 0
        var out: [String] = []
        for (item, marker) in zip(list.items, markers) {
            let text = TextWrap.wrap(item.content, first: width - column, rest: width - column)
            if column == 0 {
                out.append(marker)
                out += text
            } else if let first = text.first {
                out.append(Lines.pad(marker, to: column) + first)
                out += Lines.indent(Array(text.dropFirst()), by: column)
            } else {
                out.append(marker)
            }
            if !item.children.isEmpty {
                let indent = width - column >= minimumNestedWidth ? column : max(0, width - minimumNestedWidth)
                let nested = try BlockLayout.blocks(item.children, width: width - indent)
                out += Lines.indent(nested, by: indent)
            }
        }
        return out
    }
}
