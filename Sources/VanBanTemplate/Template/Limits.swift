import Foundation
import VanBanModel

/// The bounds every template and every rendering stays within, so that no input can
/// exhaust the stack, the memory or the clock. Each is far above what a real form needs
/// (the shipped templates include 2 levels deep, nest about 10 elements, use expressions
/// of at most 6 operators and produce a few thousand nodes and a few tens of kilobytes of
/// text per document). Each can be raised with an environment variable (README, "Limits");
/// the library and the CLI read the same variables, so they give the same errors.
public struct Limits: Sendable, Hashable {
    /// `<include>` and `<attach>` nesting (`VANBAN_MAX_INCLUDE_DEPTH`, default 32).
    public var includeDepth = 32
    /// Element nesting across includes and attachments (`VANBAN_MAX_NESTING`, default 200).
    public var nesting = 200
    /// Operators and parentheses in one expression, which bounds its depth
    /// (`VANBAN_MAX_EXPRESSION`, default 200).
    public var expressionOperators = 200
    /// Nodes in a compiled template after includes are expanded (`VANBAN_MAX_TEMPLATE_NODES`,
    /// default 100 000).
    public var templateNodes = 100_000
    /// Nodes a document produces: loop iterations, elements and attachments
    /// (`VANBAN_MAX_NODES`, default 1 000 000).
    public var nodes = 1_000_000
    /// Bytes of text one document produces (`VANBAN_MAX_OUTPUT_BYTES`, default 64 MiB).
    public var outputBytes = 64 << 20
    /// Size of a template or included file (`VANBAN_MAX_TEMPLATE_BYTES`, default 8 MiB).
    public var templateBytes = 8 << 20
    /// Seconds one document may take to render (`VANBAN_MAX_SECONDS`, default 60).
    public var seconds = 60

    /// The defaults.
    public init() {}

    /// The limits in force: the defaults, each overridden by its environment variable
    /// when that holds a positive whole number.
    public static let current = Limits(environment: ProcessInfo.processInfo.environment)

    /// The defaults, overridden by the `VANBAN_MAX_…` variables of `environment`.
    public init(environment: [String: String]) {
        func read(_ name: String, _ value: inout Int) {
            if let s = environment[name], let v = Int(s), v > 0 { value = v }
        }
        read("VANBAN_MAX_INCLUDE_DEPTH", &includeDepth)
        read("VANBAN_MAX_NESTING", &nesting)
        read("VANBAN_MAX_EXPRESSION", &expressionOperators)
        read("VANBAN_MAX_TEMPLATE_NODES", &templateNodes)
        read("VANBAN_MAX_NODES", &nodes)
        read("VANBAN_MAX_OUTPUT_BYTES", &outputBytes)
        read("VANBAN_MAX_TEMPLATE_BYTES", &templateBytes)
        read("VANBAN_MAX_SECONDS", &seconds)
    }

    static func raise(_ variable: String) -> String {
        "no real form comes near this limit; if yours does, raise it with \(variable)=N (README, \"Limits\")"
    }
}

/// What one rendering has spent of its ``Limits``: shared by the document and its
/// attachments, so a fan-out of attachments is bounded as a whole.
final class RenderBudget {
    let limits: Limits
    private(set) var nodes = 0
    private(set) var bytes = 0
    private let deadline: DispatchTime

    init(limits: Limits) {
        self.limits = limits
        deadline = DispatchTime.now() + .seconds(limits.seconds)
    }

    /// Counts one produced node (an element, a loop iteration, an attachment).
    func spend(at location: SourceLocation, jsonPath: String? = nil) throws(VanBanError) {
        nodes += 1
        if nodes > limits.nodes {
            throw VanBanError(.data, "the document would have more than \(limits.nodes) nodes (elements and loop iterations)",
                              at: location, jsonPath: jsonPath, help: Limits.raise("VANBAN_MAX_NODES"))
        }
        if nodes & 1023 == 0, DispatchTime.now() > deadline {
            throw VanBanError(.data, "the document took longer than \(limits.seconds) s to render",
                              at: location, jsonPath: jsonPath, help: Limits.raise("VANBAN_MAX_SECONDS"))
        }
    }

    /// Counts `count` bytes of produced text.
    func output(_ count: Int, at location: SourceLocation, jsonPath: String? = nil) throws(VanBanError) {
        bytes += count
        if bytes > limits.outputBytes {
            throw VanBanError(.data, "the document would hold more than \(limits.outputBytes) bytes of text",
                              at: location, jsonPath: jsonPath, help: Limits.raise("VANBAN_MAX_OUTPUT_BYTES"))
        }
    }
}
