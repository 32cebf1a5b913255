import VanBanModel

extension Value {
    /// The value's type with its article, as a catalogue phrase ("an array", "một danh sách").
    public var typeArgument: MessageArgument { .phrase(Message("value." + typeName)) }
}
