import VanBanModel

/// The style sheet as the bytes the writer copies: built once per page setup and part
/// count, then shared. A batch writes thousands of pages with one page setup; each used
/// to build its ~90 lines of CSS again, with string interpolation, for the same text.
extension StyleSheet {
    /// What the style sheet depends on.
    private struct Key: Hashable, Sendable {
        var page: PageSetup
        var parts: Int
    }

    /// Style sheets built so far; a handful in practice (one page setup, one or a few part
    /// counts), dropped all at once if it ever holds ``cacheLimit``.
    private static let cache = Locked<[Key: [UInt8]]>([:])
    private static let cacheLimit = 64

    /// The content of the `<style>` element for `page` and `parts`: each of
    /// ``lines`` after a line feed, as UTF-8. The same bytes as building
    /// `StyleSheet(page:parts:)` and writing it, every time.
    static func bytes(page: PageSetup, parts: Int) -> [UInt8] {
        let key = Key(page: page, parts: parts)
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let built = StyleSheet(page: page, parts: parts).bytes
        cache.withLock { c in
            if c.count >= cacheLimit { c.removeAll() }
            c[key] = built
        }
        return built
    }

    /// The lines, each after a line feed, as UTF-8.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        for l in lines {
            out.append(0x0A)
            out.append(contentsOf: l.utf8)
        }
        return out
    }
}
