import Foundation
import VanBanModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process in a process group of its own, so that it and everything it starts
/// (LibreOffice's `soffice` script starts `oosplash`, which starts `soffice.bin`) can be
/// killed at once. Its standard output and error go to a file; its standard input is
/// `/dev/null`. Signals the parent ignores (the CLI ignores SIGINT and SIGTERM while it
/// cleans up) are reset to their defaults in the child.
struct ChildProcess {
    /// The child's process id, which is also its process group id.
    let pid: pid_t

    /// How a child ended.
    enum Ending: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)
    }

    /// Starts `executable` with `arguments` (without argv[0]) and `environment`, its
    /// output appended to `logPath`, or why it could not start.
    static func start(_ executable: String, _ arguments: [String], environment: [String: String], logPath: String) -> Result<ChildProcess, SpawnFailure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let rc = ChildRegistry.shared.spawn { () -> Int32 in
            let r = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            return r == 0 ? pid : -r
        }
        if rc == ChildRegistry.closed { return .failure(SpawnFailure(reason: "the run was interrupted")) }
        guard rc > 0 else { return .failure(SpawnFailure(reason: String(cString: strerror(-rc)))) }
        return .success(ChildProcess(pid: rc))
    }

    /// The ending, if the child has ended (reaps it); nil while it runs.
    func poll() -> Ending? {
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        guard r == pid else { return nil }
        ChildRegistry.shared.forget(pid)
        return Self.decode(status)
    }

    /// Kills the whole process group and reaps the child.
    func kill() -> Ending {
        killpg(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        ChildRegistry.shared.forget(pid)
        return Self.decode(status)
    }

    /// Kills what is left of the group after the child itself has exited (a helper it
    /// left behind).
    func killGroup() { killpg(pid, SIGKILL) }

    private static func decode(_ status: Int32) -> Ending {
        let signal = status & 0x7f
        if signal == 0 { return .exited((status >> 8) & 0xff) }
        return .signalled(signal)
    }
}

/// Why a child could not start.
struct SpawnFailure: Error {
    var reason: String
}

/// Every live child process group and scratch folder, so that an interrupted run
/// (Ctrl-C) kills its converters and removes their files.
final class ChildRegistry: Sendable {
    static let shared = ChildRegistry()
    static let closed: Int32 = -1_000_000

    /// What the registry holds, reached only under its lock.
    private struct State: Sendable {
        var groups = Set<pid_t>()
        var folders = Set<String>()
        var isClosed = false
    }

    private let state = Locked(State())

    /// Runs `spawn` under the lock and records the pid it returns (when positive).
    func spawn(_ spawn: () -> Int32) -> Int32 {
        state.withLock { s in
            if s.isClosed { return Self.closed }
            let pid = spawn()
            if pid > 0 { s.groups.insert(pid) }
            return pid
        }
    }

    func forget(_ pid: pid_t) { state.withLock { _ = $0.groups.remove(pid) } }

    /// Records a scratch folder; false once the registry is closed.
    func add(folder: String) -> Bool {
        state.withLock { s in
            if s.isClosed { return false }
            s.folders.insert(folder)
            return true
        }
    }

    func remove(folder: String) { state.withLock { _ = $0.folders.remove(folder) } }

    /// Kills every live group and removes every scratch folder; nothing new starts after.
    func abortAll() {
        let (g, f) = state.withLock { s in
            s.isClosed = true
            defer {
                s.groups.removeAll()
                s.folders.removeAll()
            }
            return (s.groups, s.folders)
        }
        for pid in g { killpg(pid, SIGKILL) }
        // A worker thread may still be making a folder inside while this removes it: retry.
        for path in f {
            for _ in 0..<5 where FileManager.default.fileExists(atPath: path) {
                try? FileManager.default.removeItem(atPath: path)
                if FileManager.default.fileExists(atPath: path) { usleep(20_000) }
            }
        }
    }

    /// Once ``abortAll()`` has run, the process is about to exit (130, from the CLI's
    /// signal handler): a worker that sees its converter killed waits here for that exit
    /// instead of reporting failures that would race it with another exit code.
    func parkIfAborted() {
        while aborted { sleep(60) }
    }

    /// True once ``abortAll()`` has run.
    var aborted: Bool { state.withLock { $0.isClosed } }
}
