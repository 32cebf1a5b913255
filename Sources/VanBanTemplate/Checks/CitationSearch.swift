
extension EnvelopeRules {
    /// Whether `s` can cite a symbol of `issuer`: it holds a "/" and the issuer's text.
    /// A quick filter before ``symbolTokens(_:)``; the warning itself needs a token whose
    /// group equals the issuer.
    ///
    /// A byte search in UTF-8 instead of `String.contains`, which on Linux goes through
    /// Foundation's `NSString.range(of:)` (about 10 % of a batch record's instructions,
    /// issue 20). The warnings are the same: a data value's text is NFC (every reader
    /// normalises it), so a group canonically equal to the issuer has the issuer's very
    /// bytes, and those bytes are then in `s`; a "/" byte in UTF-8 is only ever U+002F.
    /// It lets through a little more than `contains` (the issuer's bytes before a
    /// combining mark NFC keeps, "e" in "e\u{331}"), which the token test then rejects.
    /// `CitationSearchTests` compares it with `contains`.
    static func mayCite(_ s: String, issuer: String) -> Bool {
        var s = s, issuer = issuer
        return s.withUTF8 { hay in
            guard hay.contains(0x2F) else { return false }
            return issuer.withUTF8 { needle in contains(hay, needle) }
        }
    }

    /// Whether `needle` occurs in `hay`, byte for byte.
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard n <= hay.count else { return false }
        let first = needle[0]
        var i = 0
        let last = hay.count - n
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
