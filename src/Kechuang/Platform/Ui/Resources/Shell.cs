namespace Kechuang.Platform.Ui.Resources;

/// <summary>
/// Marker for the shell's strings (menu, header, sign-in pages, footer): <c>Shell.resx</c> holds the
/// zh-CN default, <c>Shell.en.resx</c> the English switch. Business pages stay in Chinese.
/// </summary>
public sealed class Shell;
