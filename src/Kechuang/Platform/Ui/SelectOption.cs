namespace Kechuang.Platform.Ui;

/// <summary>One choice of a pick list: the value sent to the handler and the Chinese label shown.</summary>
public sealed record SelectOption(string Value, string Label);
