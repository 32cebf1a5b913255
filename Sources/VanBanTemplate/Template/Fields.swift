import VanBanModel

/// The type of a declared field.
public enum FieldType: String, Sendable, Hashable, CaseIterable {
    /// Text (a JSON string).
    case text
    /// A calendar date, ISO `yyyy-mm-dd`.
    case date
    /// A time of day, `hh:mm`.
    case time
    /// A number.
    case number
    /// A yes/no value.
    case bool
    /// A list; its items are described by `of` or by child fields (a list of objects).
    case list
    /// An object with child fields.
    case object
}

/// A field a template declares in its `<fields>` section: the data contract.
public struct FieldDecl: Sendable, Hashable {
    /// The JSON key.
    public var name: String
    /// The type.
    public var type: FieldType
    /// Whether the data must contain it.
    public var required: Bool
    /// The Vietnamese label, shown in messages and used as the JSON Schema description.
    public var label: String
    /// For lists of scalars: the item type.
    public var itemType: FieldType?
    /// For objects, and lists of objects: the members.
    public var children: [FieldDecl]
    /// Allowed values, if restricted (e.g. signature authorities).
    public var allowedValues: [String]
    /// A sample value for `vanban example`, when the template gives one.
    public var example: String?
    /// Where it is declared.
    public var location: SourceLocation
    /// What the value means to the consistency checks (`role="event-date"`), if declared.
    public var role: FieldRole?

    /// Creates a declaration.
    public init(name: String, type: FieldType, required: Bool = true, label: String = "", itemType: FieldType? = nil,
                children: [FieldDecl] = [], allowedValues: [String] = [], example: String? = nil, location: SourceLocation,
                role: FieldRole? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.label = label
        self.itemType = itemType
        self.children = children
        self.allowedValues = allowedValues
        self.example = example
        self.location = location
        self.role = role
    }

    /// The member with this name, for objects and lists of objects.
    public func child(_ name: String) -> FieldDecl? { children.first { $0.name == name } }

    /// True when the field is a list whose items are objects with declared members.
    public var isListOfObjects: Bool { type == .list && !children.isEmpty }
}
