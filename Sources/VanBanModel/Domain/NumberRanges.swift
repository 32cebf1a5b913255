/// Runs of consecutive whole numbers as a clerk reads them: "1–3, 5, 7–9" (the gaps of
/// a register, the failed records of a batch).
public enum NumberRanges {
    /// `sorted` (ascending, without repeats) with each run of consecutive numbers written
    /// "first–last" (an en dash), the runs separated by ", ".
    public static func text(_ sorted: [Int]) -> String {
        var parts: [String] = []
        var k = 0
        while k < sorted.count {
            var j = k
            while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
            parts.append(j > k ? "\(sorted[k])–\(sorted[j])" : "\(sorted[k])")
            k = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
