import VanBanModel

extension StaticScope {
    /// "did you mean 'x'? " before a help sentence, in the message's language, or
    /// nothing when no candidate is near `name`.
    static func suggestion(_ name: String, _ candidates: some Sequence<String>) -> MessageArgument {
        Suggest.nearest(to: name, in: candidates).map { .phrase(Message("did-you-mean.prefix", ["name": "\($0)"])) } ?? .text("")
    }
}

extension TemplateCompiler {
    /// "did you mean <x>? " before the list of elements allowed, or nothing.
    static func elementSuggestion(_ name: String, _ candidates: some Collection<String>) -> MessageArgument {
        Suggest.nearest(to: name, in: candidates).map { .phrase(Message("template.did-you-mean-element", ["name": "\($0)"])) } ?? .text("")
    }
}
