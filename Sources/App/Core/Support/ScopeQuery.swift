import Foundation
import Fluent
import Domain

extension QueryBuilder where Model == School {
    /// Limits a school query to a principal's scope (Access.schoolScope).
    func within(_ scope: Scope) -> Self {
        if scope.all { return self }
        if scope.isEmpty { return filter(\.$id == UUID()) }
        return group(.or) { g in
            if !scope.regionIDs.isEmpty { g.filter(\.$regionID ~~ Array(scope.regionIDs)) }
            if !scope.municipalityIDs.isEmpty { g.filter(\.$municipality.$id ~~ Array(scope.municipalityIDs)) }
            if !scope.schoolIDs.isEmpty { g.filter(\.$id ~~ Array(scope.schoolIDs)) }
        }
    }
}

extension QueryBuilder where Model == Person {
    /// The people a principal may list (Access.peopleListing: the person scope and a tutor's tutorants).
    func readable(by p: Principal) -> Self {
        let listing = Access.peopleListing(p)
        return within(listing.scope, orIDs: listing.extraIDs)
    }

    func within(_ scope: Scope, orIDs extra: Set<UUID> = []) -> Self {
        if scope.all { return self }
        if scope.isEmpty && extra.isEmpty { return filter(\.$id == UUID()) }
        return group(.or) { g in
            if !scope.regionIDs.isEmpty { g.filter(\.$regionID ~~ Array(scope.regionIDs)) }
            if !scope.municipalityIDs.isEmpty { g.filter(\.$municipality.$id ~~ Array(scope.municipalityIDs)) }
            if !scope.schoolIDs.isEmpty { g.filter(\.$school.$id ~~ Array(scope.schoolIDs)) }
            if !extra.isEmpty { g.filter(\.$id ~~ Array(extra)) }
        }
    }
}

extension QueryBuilder where Model == Municipality {
    func within(_ scope: Scope) -> Self {
        if scope.all { return self }
        if scope.regionIDs.isEmpty && scope.municipalityIDs.isEmpty { return filter(\.$id == UUID()) }
        return group(.or) { g in
            if !scope.regionIDs.isEmpty { g.filter(\.$region.$id ~~ Array(scope.regionIDs)) }
            if !scope.municipalityIDs.isEmpty { g.filter(\.$id ~~ Array(scope.municipalityIDs)) }
        }
    }
}
