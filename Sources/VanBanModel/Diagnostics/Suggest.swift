/// "Did you mean" support: the candidate nearest to a misspelt name.
public enum Suggest {
    /// The closest candidate by edit distance, if it is close enough to be a plausible typo.
    public static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = distance(name, c)
            if best == nil || d < best!.1 || (d == best!.1 && c < best!.0) { best = (c, d) }
        }
        guard let (word, d) = best else { return nil }
        let limit = max(1, min(3, name.count / 3 + 1))
        return d <= limit ? word : nil
    }

    /// The Levenshtein distance between two strings, over Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// A ready-made "did you mean 'x'?" sentence, or nil.
    public static func didYouMean(_ name: String, _ candidates: some Sequence<String>) -> String? {
        nearest(to: name, in: candidates).map { "did you mean '\($0)'?" }
    }
}
