import VanBanModel

/// The `class` values that come from the model's enumerations, as literals, so the
/// writer copies them as bytes (the same text as their raw values; a test compares them).
extension Renderer {
    /// The class of a paragraph: its role's raw value.
    static func className(_ role: ParagraphRole) -> StaticString {
        switch role {
        case .body: "body"
        case .basis: "basis"
        case .center: "center"
        case .left: "left"
        case .right: "right"
        case .reference: "reference"
        case .annexLabel: "annex-label"
        case .note: "note"
        }
    }

    /// The class of a table cell: "align-" and its alignment's raw value.
    static func className(_ alignment: Cell.Alignment) -> StaticString {
        switch alignment {
        case .left: "align-left"
        case .center: "align-center"
        case .right: "align-right"
        case .justify: "align-justify"
        }
    }
}
