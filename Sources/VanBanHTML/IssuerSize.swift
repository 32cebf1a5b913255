import VanBanModel

/// Whether a header's issuer column is set in the smaller size, remembered per header
/// text and page. ``PrintLayout/issuerPoints(_:page:)`` measures every parent and issuer
/// line (and the number) glyph by glyph; a batch writes the same header thousands of
/// times, and measuring it was about 140 000 instructions per page.
extension Renderer {
    /// Everything ``PrintLayout/issuerPoints(_:page:)`` reads: the parent and issuer
    /// lines, the number line and the page.
    private struct IssuerKey: Hashable, Sendable {
        var parent: [String]
        var issuer: [String]
        var number: String?
        var page: PageSetup
    }

    /// Answers so far, dropped all at once if the cache ever holds ``issuerCacheLimit``.
    private static let issuerCache = Locked<[IssuerKey: Bool]>([:])
    private static let issuerCacheLimit = 256

    /// `PrintLayout.issuerPoints(h, page: page) < PrintLayout.issuerPt`, measured once
    /// per distinct header text and page.
    static func issuerIsSmall(_ h: Header, page: PageSetup) -> Bool {
        let key = IssuerKey(parent: h.parent, issuer: h.issuer, number: h.number, page: page)
        if let known = issuerCache.withLock({ $0[key] }) { return known }
        let small = PrintLayout.issuerPoints(h, page: page) < PrintLayout.issuerPt
        issuerCache.withLock { c in
            if c.count >= issuerCacheLimit { c.removeAll() }
            c[key] = small
        }
        return small
    }
}
