namespace Ingest.Xml;

internal static class XmlErrorMessages
{
    public static string Describe(XmlErrorCode code) => code switch
    {
        XmlErrorCode.UnexpectedEndOfInput => "document ends inside a token or with open elements",
        XmlErrorCode.InvalidUtf8 => "invalid UTF-8 byte sequence",
        XmlErrorCode.InvalidCharacter => "character not allowed in XML 1.0",
        XmlErrorCode.InvalidName => "invalid XML name",
        XmlErrorCode.UnexpectedCharacter => "unexpected character in markup",
        XmlErrorCode.MismatchedEndTag => "end tag does not match the open element",
        XmlErrorCode.UnexpectedEndTag => "end tag without an open element",
        XmlErrorCode.MultipleRootElements => "a second root element",
        XmlErrorCode.NoRootElement => "no root element",
        XmlErrorCode.TextOutsideRoot => "text or CDATA outside the root element",
        XmlErrorCode.DuplicateAttribute => "attribute given twice on one element",
        XmlErrorCode.UndeclaredPrefix => "namespace prefix is not declared",
        XmlErrorCode.InvalidNamespaceDeclaration => "invalid namespace declaration",
        XmlErrorCode.LessThanInAttributeValue => "'<' in an attribute value",
        XmlErrorCode.InvalidCharacterReference => "invalid character reference",
        XmlErrorCode.UndefinedEntity => "undefined entity (only the five predefined entities are allowed)",
        XmlErrorCode.InvalidComment => "'--' inside a comment",
        XmlErrorCode.CDataEndInText => "']]>' in text",
        XmlErrorCode.InvalidXmlDeclaration => "invalid XML declaration",
        XmlErrorCode.UnsupportedEncoding => "only UTF-8 documents are accepted",
        XmlErrorCode.ReservedProcessingInstruction => "processing instruction named 'xml' outside the document start",
        XmlErrorCode.DoctypeRejected => "DOCTYPE is not allowed (no DTD, no entities)",
        XmlErrorCode.DocumentTooLarge => "document exceeds the size limit",
        XmlErrorCode.DepthExceeded => "element nesting exceeds the depth limit",
        XmlErrorCode.TooManyAttributes => "element has more attributes than the limit",
        XmlErrorCode.NameTooLong => "name exceeds the length limit",
        XmlErrorCode.TextTooLong => "text, value or comment exceeds the length limit",
        XmlErrorCode.TokenTooLong => "tag exceeds the length limit",
        XmlErrorCode.TooManyElements => "document has more elements than the limit",
        _ => code.ToString(),
    };
}
