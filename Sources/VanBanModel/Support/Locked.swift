import Foundation

/// A value shared between threads, reached only under its lock: the one lock type of
/// VanBan (batch workers, the temporary-file registry, caches, progress output).
///
/// `Locked` is a class so that copies share the value; its state is `Sendable`, and the
/// body of ``withLock(_:)`` cannot let the lock escape, so the type is `Sendable` for real.
public final class Locked<State: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    /// Creates the shared value.
    public init(_ state: State) {
        self.state = state
    }

    /// Runs `body` with the value, holding the lock; what `body` returns or throws is
    /// passed on.
    public func withLock<Result, Failure: Error>(_ body: (inout State) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }

    /// A copy of the value, read under the lock.
    public var value: State {
        withLock { $0 }
    }
}
