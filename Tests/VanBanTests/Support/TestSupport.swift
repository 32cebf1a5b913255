// The helpers every test target shares (`Repo`, `Golden`, `RequiredTool` and its
// `.requires(…)` trait, `ExternalTool`, `VanBanCLI`) live in the VanBanTestSupport target;
// re-exported here once so that every test file of this target sees them.
@_exported import VanBanTestSupport
