namespace Ingest.Xml;

internal static class XmlErrorMessages
{
    public static string Describe(ParseErrorCode code) => code switch
    {
        ParseErrorCode.UnexpectedEndOfInput => "document ends inside a token or with open elements",
        ParseErrorCode.InvalidUtf8 => "invalid UTF-8 byte sequence",
        ParseErrorCode.InvalidCharacter => "character not allowed in XML 1.0",
        ParseErrorCode.InvalidName => "invalid XML name",
        ParseErrorCode.UnexpectedCharacter => "unexpected character in markup",
        ParseErrorCode.MismatchedEndTag => "end tag does not match the open element",
        ParseErrorCode.UnexpectedEndTag => "end tag without an open element",
        ParseErrorCode.MultipleRootElements => "a second root element",
        ParseErrorCode.NoRootElement => "no root element",
        ParseErrorCode.TextOutsideRoot => "text or CDATA outside the root element",
        ParseErrorCode.DuplicateAttribute => "attribute given twice on one element",
        ParseErrorCode.UndeclaredPrefix => "namespace prefix is not declared",
        ParseErrorCode.InvalidNamespaceDeclaration => "invalid namespace declaration",
        ParseErrorCode.LessThanInAttributeValue => "'<' in an attribute value",
        ParseErrorCode.InvalidCharacterReference => "invalid character reference",
        ParseErrorCode.UndefinedEntity => "undefined entity (only the five predefined entities are allowed)",
        ParseErrorCode.InvalidComment => "'--' inside a comment",
        ParseErrorCode.CDataEndInText => "']]>' in text",
        ParseErrorCode.InvalidXmlDeclaration => "invalid XML declaration",
        ParseErrorCode.UnsupportedEncoding => "only UTF-8 documents are accepted",
        ParseErrorCode.ReservedProcessingInstruction => "processing instruction named 'xml' outside the document start",
        ParseErrorCode.DoctypeRejected => "DOCTYPE is not allowed (no DTD, no entities)",
        ParseErrorCode.DocumentTooLarge => "document exceeds the size limit",
        ParseErrorCode.DepthExceeded => "element nesting exceeds the depth limit",
        ParseErrorCode.TooManyAttributes => "element has more attributes than the limit",
        ParseErrorCode.NameTooLong => "name exceeds the length limit",
        ParseErrorCode.TextTooLong => "text, value or comment exceeds the length limit",
        ParseErrorCode.TokenTooLong => "tag exceeds the length limit",
        ParseErrorCode.TooManyElements => "document has more elements than the limit",
        _ => code.ToString(),
    };
}
