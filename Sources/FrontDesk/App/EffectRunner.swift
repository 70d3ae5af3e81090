/// Does the work effects describe through each feature's own client, and answers with actions.
public struct EffectRunner: Sendable {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    /// Runs one effect to its answers. Failures come back as the feature's own failure actions.
    ///
    /// Not optimized: with this toolchain the optimizer miscompiled this dispatch in release builds
    /// (a feature's client reached its effect through a corrupted async context and the app crashed
    /// right after sign-in). It only picks a client; the work it starts is optimized as usual.
    @_optimize(none)
    public func run(_ effect: AppEffect) async -> [AppAction] {
        let deps = dependencies
        switch effect {
        case let .shell(effect): return await effect.run(deps.shell, log: deps.log).map(AppAction.shell)
        case let .patients(effect): return await effect.run(deps.patients, log: deps.log).map(AppAction.patients)
        case let .schedule(effect): return await effect.run(deps.schedule, log: deps.log).map(AppAction.schedule)
        case let .booking(effect): return await effect.run(deps.booking, log: deps.log).map(AppAction.booking)
        case let .queue(effect): return await effect.run(deps.queue, log: deps.log).map(AppAction.queue)
        case let .consultation(effect):
            return await effect.run(deps.consultation, log: deps.log).map(AppAction.consultation)
        case let .prescriptions(effect):
            return await effect.run(deps.prescriptions, log: deps.log).map(AppAction.prescriptions)
        case let .providers(effect): return await effect.run(deps.providers, log: deps.log).map(AppAction.providers)
        case let .staff(effect): return await effect.run(deps.staff, log: deps.log).map(AppAction.staff)
        case let .billing(effect): return await effect.run(deps.billing, log: deps.log).map(AppAction.billing)
        }
    }
}
