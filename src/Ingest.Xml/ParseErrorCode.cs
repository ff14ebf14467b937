namespace Ingest.Xml;

/// <summary>
/// The one error enum of parsing: why a unit was rejected (XML well-formedness, security limits) or
/// why it is not a SED (codes from 100). Names are stable: they go to quarantine records and CLI output.
/// </summary>
public enum ParseErrorCode : byte
{
    None = 0,
    UnexpectedEndOfInput,
    InvalidUtf8,
    InvalidCharacter,
    InvalidName,
    UnexpectedCharacter,
    MismatchedEndTag,
    UnexpectedEndTag,
    MultipleRootElements,
    NoRootElement,
    TextOutsideRoot,
    DuplicateAttribute,
    UndeclaredPrefix,
    InvalidNamespaceDeclaration,
    LessThanInAttributeValue,
    InvalidCharacterReference,
    UndefinedEntity,
    InvalidComment,
    CDataEndInText,
    InvalidXmlDeclaration,
    UnsupportedEncoding,
    ReservedProcessingInstruction,
    DoctypeRejected,
    DocumentTooLarge,
    DepthExceeded,
    TooManyAttributes,
    NameTooLong,
    TextTooLong,
    TokenTooLong,
    TooManyElements,

    /// <summary>Well-formed XML whose root is neither a SED nor an SBDH envelope around one.</summary>
    NotSed = 100,
    /// <summary>A root in the EESSI namespace whose type has no field map.</summary>
    UnsupportedSedType = 101,
    /// <summary>An EESSI namespace with a CDM version other than 4.2, 4.3, 4.4.</summary>
    UnsupportedCdmVersion = 102,
    /// <summary>An SBDH envelope that carries no SED element.</summary>
    EnvelopeWithoutSed = 103,
    /// <summary>A multi-document file whose frame header or length is wrong (the rest of that file is skipped).</summary>
    FramingError = 104,
}
