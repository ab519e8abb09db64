/// The lifecycle of an import job (registry and result files alike).
public enum ImportStatus: String, Sendable, CaseIterable, Codable {
    case running
    /// Some schools of the file were not recognised: the user matches them, then it runs again.
    case needsMatching = "needs_mapping"
    case done
    case failed
}

/// A monitoring campaign: open → data complete → approved by the education department.
public enum CampaignStatus: String, Sendable, CaseIterable, Codable {
    case open
    case dataComplete = "data_complete"
    case approved

    public var title: String {
        switch self {
        case .open: "открыта"
        case .dataComplete: "данные собраны"
        case .approved: "утверждена"
        }
    }
}
