namespace Kechuang.Modules.Carriers.Public;

/// <summary>
/// 创新载体的类型: parks (园区: 科技城, 小微园区, 农业科技园区), their buildings (楼宇) and the spaces of each
/// kind (众创空间, 孵化器, 加速器, 科创飞地, 联合创新中心, 公共服务中心, 检测实验室).
/// </summary>
public enum CarrierKind
{
    Park = 1,
    SmallBusinessPark = 2,
    AgriculturalPark = 3,
    Building = 4,
    MakerSpace = 5,
    Incubator = 6,
    Accelerator = 7,
    Enclave = 8,
    JointInnovationCenter = 9,
    PublicServiceCenter = 10,
    TestingLab = 11,
}

/// <summary>Chinese names of <see cref="CarrierKind"/> and which kinds are parks (园区).</summary>
public static class CarrierKinds
{
    public static readonly IReadOnlyDictionary<CarrierKind, string> Names = new Dictionary<CarrierKind, string>
    {
        [CarrierKind.Park] = "科技园区",
        [CarrierKind.SmallBusinessPark] = "小微园区",
        [CarrierKind.AgriculturalPark] = "农业科技园区",
        [CarrierKind.Building] = "楼宇",
        [CarrierKind.MakerSpace] = "众创空间",
        [CarrierKind.Incubator] = "孵化器",
        [CarrierKind.Accelerator] = "加速器",
        [CarrierKind.Enclave] = "科创飞地",
        [CarrierKind.JointInnovationCenter] = "联合创新中心",
        [CarrierKind.PublicServiceCenter] = "公共服务中心",
        [CarrierKind.TestingLab] = "检测实验室",
    };

    /// <summary>The park kinds (园区); a building or space inside a park is counted as in the park.</summary>
    public static readonly IReadOnlyList<CarrierKind> Parks = [CarrierKind.Park, CarrierKind.SmallBusinessPark, CarrierKind.AgriculturalPark];

    public static bool IsPark(CarrierKind kind) => Parks.Contains(kind);
}
