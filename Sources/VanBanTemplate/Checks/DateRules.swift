import VanBanModel

/// The order of a document's dates: it is dated on or before the event it is about, and
/// each deadline falls between the document's date and the event.
enum DateRules {
    static func check(_ facts: [DatedFact], into ctx: inout CheckContext) {
        let docDate = facts.first { $0.role == .documentDate }
        let events = facts.filter { $0.role == .eventDate }
        let deadlines = facts.filter { $0.role == .deadline }
        let d = VietnameseDate.short

        // Event dates of one document agree (the invitation and its programme).
        if let first = events.first {
            for e in events.dropFirst() where e.date != first.date {
                ctx.warn(e.path, "event-dates",
                         "\(e.path) is \(d(e.date)) but \(first.path) is \(d(first.date)); the event has two dates",
                         help: "give both the same date, unless the event really spans several days")
            }
        }

        // The document comes before its event: one warning per distinct event date.
        if let doc = docDate {
            var seen = Set<CalendarDate>()
            for e in events where doc.date > e.date && seen.insert(e.date).inserted {
                let same = events.filter { $0.date == e.date }.map(\.path).joined(separator: ", ")
                ctx.warn(doc.path, "date-order",
                         "the document is dated \(d(doc.date)), after the event it is about (\(d(e.date)), \(same))",
                         help: "correct the document's date (\(doc.path)) or the event's date; an invitation is issued before the meeting")
            }
        }

        // Deadlines: not after the event, not before the document itself.
        let earliestEvent = events.min { $0.date < $1.date }
        for x in deadlines {
            if let e = earliestEvent, x.date > e.date {
                ctx.warn(x.path, "deadline",
                         "the deadline \(d(x.date)) falls after the event (\(d(e.date)), \(e.path))",
                         help: "set a deadline on or before \(d(e.date))")
            }
            if let doc = docDate, x.date < doc.date {
                ctx.warn(x.path, "deadline",
                         "the deadline \(d(x.date)) falls before the document's own date (\(d(doc.date)), \(doc.path)); nobody can meet it",
                         help: earliestEvent.map { e in
                             e.date < doc.date
                                 ? "correct the document's date first (it is after the event), then set a deadline between it and \(d(e.date))"
                                 : "set a deadline between \(d(doc.date)) and \(d(e.date)), or correct the document's date"
                         } ?? "set a deadline on or after \(d(doc.date)), or correct the document's date")
            }
        }
    }
}

/// A programme's time slots: each ends after it starts, and each starts where the one
/// before it ended (no overlap, no gap, in order). Applies to any list of objects whose
/// declared members include `start` and `end` of type time.
enum SlotRules {
    static func check(_ items: [Value], path: String, locations: [String: SourceLocation], into problems: inout [Problem]) {
        func time(_ item: Value, _ key: String) -> ClockTime? { item[key]?.stringValue.flatMap(ClockTime.init(parsing:)) }
        func warn(_ p: String, _ message: String, _ help: String) {
            problems.append(Problem(.warning, p, message, location: locations[p], help: help, code: "slots"))
        }
        var previous: (index: Int, start: ClockTime, end: ClockTime)?
        for (i, item) in items.enumerated() {
            let ip = JSONPath.index(path, i)
            guard let start = time(item, "start"), let end = time(item, "end") else { previous = nil; continue }
            let n = "slot \(i + 1)"
            if end < start {
                warn(ip + ".end", "\(n) ends (\(end)) before it starts (\(start))", "swap the times, or correct the end")
            } else if end == start {
                warn(ip + ".end", "\(n) starts and ends at \(start); it lasts no time", "correct the end time")
            }
            if let prev = previous {
                let m = "slot \(prev.index + 1)"
                if start < prev.start {
                    warn(ip + ".start", "\(n) starts (\(start)) before \(m) (\(prev.start)); the slots are out of order",
                         "list the slots in the order they happen")
                } else if start < prev.end {
                    warn(ip + ".start", "\(n) starts at \(start), before \(m) ends (\(prev.end)); the two overlap",
                         "start \(n) at \(prev.end), or end \(m) at \(start)")
                } else if start > prev.end {
                    let gap = start.minutes - prev.end.minutes
                    warn(ip + ".start", "there is a gap of \(gap) minutes between \(m) (ending \(prev.end)) and \(n) (starting \(start))",
                         "start \(n) at \(prev.end), or add a slot for the break (e.g. \"Nghỉ giải lao\")")
                }
            }
            previous = (i, start, max(start, end))
        }
    }
}
