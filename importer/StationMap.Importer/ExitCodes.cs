namespace StationMap.Importer;

/// <summary>The importer's exit codes, as documented in --help and the README.</summary>
internal static class ExitCodes
{
    public const int AllAccepted = 0;
    public const int SomeRejected = 1;
    public const int UnusableInput = 2;
    public const int DatabaseFailure = 3;
}
