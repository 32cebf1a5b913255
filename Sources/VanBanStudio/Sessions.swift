import Foundation

/// A browser's session: its CSRF token, and whether it has logged in.
struct Session: Sendable {
    /// The token every POST must carry.
    var csrf: String
    /// Whether the password was given (always true when no password is set).
    var authenticated: Bool
}

/// Sessions, in memory: a random id in an HttpOnly, SameSite=Strict cookie (Secure when
/// asked). Every browser gets one, so every POST carries a CSRF token, password or not.
final class SessionStore: Sendable {
    /// The cookie's name.
    static let cookie = "vanban_session"
    /// The most sessions kept; the oldest go first.
    static let limit = 10_000
    let password: String?
    let secure: Bool
    private let sessions = Locked<(map: [String: Session], order: [String])>(([:], []))

    init(password: String?, secure: Bool) {
        self.password = password.flatMap { $0.isEmpty ? nil : $0 }
        self.secure = secure
    }

    /// Whether a password is asked for.
    var requiresLogin: Bool { password != nil }

    /// 32 random bytes, hex.
    static func token() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    /// The session named by the request's cookie header, or a new one (then `isNew`).
    func session(cookieHeader: String?) -> (id: String, session: Session, isNew: Bool) {
        if let id = SessionStore.cookieValue(cookieHeader), let s = sessions.withLock({ $0.map[id] }) { return (id, s, false) }
        let id = SessionStore.token()
        let s = Session(csrf: SessionStore.token(), authenticated: password == nil)
        sessions.withLock { state in
            state.map[id] = s
            state.order.append(id)
            if state.order.count > SessionStore.limit {
                let old = state.order.removeFirst()
                state.map[old] = nil
            }
        }
        return (id, s, true)
    }

    /// Logs a session in when the password matches (compared in constant time); the
    /// session id and CSRF token are renewed.
    func login(_ id: String, password given: String) -> (id: String, session: Session)? {
        guard let password, SessionStore.equal(Array(password.utf8), Array(given.utf8)) else { return nil }
        let newID = SessionStore.token()
        let s = Session(csrf: SessionStore.token(), authenticated: true)
        sessions.withLock { state in
            state.map[id] = nil
            state.map[newID] = s
            state.order.append(newID)
        }
        return (newID, s)
    }

    /// Ends a session.
    func logout(_ id: String) { sessions.withLock { $0.map[id] = nil } }

    /// The `Set-Cookie` value for a session.
    func setCookie(_ id: String) -> String {
        "\(SessionStore.cookie)=\(id); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The session id in a `Cookie` header.
    static func cookieValue(_ header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces)
            if kv.hasPrefix(cookie + "=") {
                let v = String(kv.dropFirst(cookie.count + 1))
                return v.count == 64 && v.allSatisfy(\.isHexDigit) ? v : nil
            }
        }
        return nil
    }

    /// Constant-time comparison.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return diff == 0
    }
}
