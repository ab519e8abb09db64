@testable import App
import Fluent
import Testing

/// The models that list their properties (FastFields.swift) list exactly what FluentKit's
/// reflection finds: same properties, same order.
@Suite struct FastFieldsTests {
    func reflected(_ m: some Fields) -> [String] {
        Mirror(reflecting: m).children.compactMap { c in (c.value as? any AnyProperty).map { "\(c.label ?? "")|\(type(of: $0))" } }
    }
    func listed(_ m: some Fields) -> [String] {
        let mirror = Mirror(reflecting: m).children.compactMap { c in (c.value as? any AnyProperty).map { (c.label ?? "", $0) } }
        return m.properties.map { p in
            let label = mirror.first { $0.1 === p as AnyObject }?.0 ?? "?"
            return "\(label)|\(type(of: p))"
        }
    }

    @Test func listsEqualReflection() {
        let models: [any Fields] = [Person(), School(), SchoolStatus(), Assignment(), DeficitRecord(), RouteRecord(), RouteStepRecord(),
                                    Interaction(), PlanItem(), PlanExecution()]
        for m in models {
            #expect(listed(m) == reflected(m), "\(type(of: m)): add the new property to FastFields.swift")
        }
    }
}
