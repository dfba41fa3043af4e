namespace StationMap.Import.Reading;

/// <summary>The input file or the import arguments cannot be used at all (nothing is imported).</summary>
public sealed class ImportInputException : Exception
{
    public ImportInputException(string message)
        : base(message)
    {
    }

    public ImportInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImportInputException()
    {
    }
}
