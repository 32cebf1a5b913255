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
                         Message("event-dates", ["path": "\(e.path)", "date": "\(d(e.date))", "first_path": "\(first.path)", "first_date": "\(d(first.date))"]),
                         help: Message("event-dates.help"))
            }
        }

        // The document comes before its event: one warning per distinct event date.
        if let doc = docDate {
            var seen = Set<CalendarDate>()
            for e in events where doc.date > e.date && seen.insert(e.date).inserted {
                let same = events.filter { $0.date == e.date }.map(\.path).joined(separator: ", ")
                ctx.warn(doc.path, "date-order",
                         Message("date-order", ["date": "\(d(doc.date))", "event_date": "\(d(e.date))", "paths": "\(same)"]),
                         help: Message("date-order.help", ["path": "\(doc.path)"]))
            }
        }

        // Deadlines: not after the event, not before the document itself.
        let earliestEvent = events.min { $0.date < $1.date }
        for x in deadlines {
            if let e = earliestEvent, x.date > e.date {
                ctx.warn(x.path, "deadline",
                         Message("deadline.after-event", ["deadline": "\(d(x.date))", "event_date": "\(d(e.date))", "event_path": "\(e.path)"]),
                         help: Message("deadline.after-event.help", ["event_date": "\(d(e.date))"]))
            }
            if let doc = docDate, x.date < doc.date {
                ctx.warn(x.path, "deadline",
                         Message("deadline.before-document", ["deadline": "\(d(x.date))", "doc_date": "\(d(doc.date))", "doc_path": "\(doc.path)"]),
                         help: earliestEvent.map { e in
                             e.date < doc.date
                                 ? Message("deadline.help.document-first", ["event_date": "\(d(e.date))"])
                                 : Message("deadline.help.between", ["doc_date": "\(d(doc.date))", "event_date": "\(d(e.date))"])
                         } ?? Message("deadline.help.on-or-after", ["doc_date": "\(d(doc.date))"]))
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
        func warn(_ p: String, _ key: String, _ arguments: [String: MessageArgument]) {
            problems.append(Problem(.warning, p, Message("slots." + key, arguments), location: locations[p],
                                    help: Message("slots." + key + ".help", arguments), code: "slots"))
        }
        var previous: (index: Int, start: ClockTime, end: ClockTime)?
        for (i, item) in items.enumerated() {
            let ip = JSONPath.index(path, i)
            guard let start = time(item, "start"), let end = time(item, "end") else { previous = nil; continue }
            let n: MessageArgument = "\(i + 1)"
            if end < start {
                warn(ip + ".end", "ends-before-start", ["slot": n, "end": "\(end)", "start": "\(start)"])
            } else if end == start {
                warn(ip + ".end", "no-time", ["slot": n, "start": "\(start)"])
            }
            if let prev = previous {
                let m: MessageArgument = "\(prev.index + 1)"
                let facts: [String: MessageArgument] = ["slot": n, "start": "\(start)", "previous": m, "previous_start": "\(prev.start)", "previous_end": "\(prev.end)"]
                if start < prev.start {
                    warn(ip + ".start", "out-of-order", facts)
                } else if start < prev.end {
                    warn(ip + ".start", "overlap", facts)
                } else if start > prev.end {
                    var gap = facts
                    gap["minutes"] = "\(start.minutes - prev.end.minutes)"
                    warn(ip + ".start", "gap", gap)
                }
            }
            previous = (i, start, max(start, end))
        }
    }
}
