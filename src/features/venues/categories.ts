import { type ChoiceReading, readChoice } from "../../core/understanding/choice-reading";

/**
 * Venue categories offered to owners, in menu order. No official dropdown of the 2021 national form is
 * known, so this is the bot's own list built from the places named in Vietnamese QR guidance.
 * Labels live in `locales/<lng>/venues.json` under `categories.<code>`; the codes are stored, so never
 * rename one.
 */
export const VENUE_CATEGORIES = [
  "government",
  "school",
  "health",
  "business",
  "shop",
  "supermarket",
  "bookshop",
  "market",
  "food-service",
  "lodging",
  "entertainment",
  "transport",
  "religious",
  "checkpoint",
  "other",
] as const;

/** One of {@link VENUE_CATEGORIES}. */
export type VenueCategory = (typeof VENUE_CATEGORIES)[number];

/** Narrows a stored or received string (e.g. a button payload) to a {@link VenueCategory}. */
export function isVenueCategory(value: string): value is VenueCategory {
  return (VENUE_CATEGORIES as readonly string[]).includes(value);
}

/** The i18n key (namespace `venues`) of a category's label. */
export function venueCategoryLabelKey(category: VenueCategory): `categories.${VenueCategory}` {
  return `categories.${category}`;
}

/**
 * The words people type for each category, in Vietnamese (with diacritics; readers fold them) and English,
 * including the words of both labels, so a typed "quán ăn", "cafe", "cf", "tạp hóa", "UBND" or "karaoke"
 * finds its category without the rendered labels. A word that fits two categories ("tiệm") is left to the
 * one it mostly means; ambiguity between categories is asked back by the choice reader.
 */
export const VENUE_CATEGORY_ALIASES: Readonly<Record<VenueCategory, readonly string[]>> = {
  government: [
    "Cơ quan nhà nước",
    "cơ quan",
    "UBND",
    "ủy ban",
    "ủy ban nhân dân",
    "uỷ ban",
    "công an",
    "bưu điện",
    "trụ sở",
    "nhà văn hóa",
    "hội trường",
    "government office",
    "government",
    "office",
    "police",
    "post office",
  ],
  school: [
    "Trường học",
    "trường",
    "trường mầm non",
    "mẫu giáo",
    "nhà trẻ",
    "trường tiểu học",
    "trường thcs",
    "trường thpt",
    "đại học",
    "trung tâm ngoại ngữ",
    "school",
    "kindergarten",
  ],
  health: [
    "Cơ sở y tế",
    "y tế",
    "trạm y tế",
    "bệnh viện",
    "phòng khám",
    "nhà thuốc",
    "tiệm thuốc",
    "hiệu thuốc",
    "quầy thuốc",
    "nha khoa",
    "health facility",
    "hospital",
    "clinic",
    "pharmacy",
    "dentist",
  ],
  business: [
    "Doanh nghiệp/nhà máy",
    "doanh nghiệp",
    "nhà máy",
    "công ty",
    "xí nghiệp",
    "xưởng",
    "khu công nghiệp",
    "kcn",
    "lọc dầu",
    "business",
    "factory",
    "company",
    "workshop",
    "ngân hàng",
    "bank",
  ],
  shop: [
    "Cửa hàng",
    "tiệm",
    "shop",
    "tạp hóa",
    "tạp hoá",
    "tiệm tạp hóa",
    "cửa hàng tạp hóa",
    "điện máy",
    "điện thoại",
    "cửa hàng điện thoại",
    "tiệm vàng",
    "tiệm tóc",
    "salon",
    "cắt tóc",
    "tiệm sửa xe",
    "sửa xe",
    "quầy",
    "tiệm may",
    "quần áo",
    "shop quần áo",
    "tiệm nail",
    "nail",
    "tiệm ảnh",
    "photocopy",
    "cây xăng",
    "store",
    "grocery",
    "clothes shop",
    "clothing store",
    "tailor",
    "barber",
    "hair salon",
    "gas station",
    "petrol station",
  ],
  supermarket: [
    "Siêu thị/TTTM",
    "siêu thị",
    "trung tâm thương mại",
    "tttm",
    "bách hóa xanh",
    "coop",
    "co op mart",
    "vinmart",
    "winmart",
    "điện máy xanh",
    "supermarket/mall",
    "supermarket",
    "mall",
    "minimart",
  ],
  bookshop: ["Nhà sách", "hiệu sách", "tiệm sách", "sách", "văn phòng phẩm", "bookshop", "bookstore"],
  market: ["Chợ", "chợ", "chợ cá", "chợ đêm", "chợ đầu mối", "market"],
  "food-service": [
    "Nhà hàng/quán ăn/cà phê",
    "nhà hàng",
    "quán ăn",
    "quán",
    "quán nhậu",
    "nhậu",
    "quán cơm",
    "cơm",
    "quán phở",
    "phở",
    "bún",
    "quán bún",
    "cà phê",
    "cafe",
    "caphe",
    "cf",
    "coffee",
    // "… shop" in English names the kind of place: longer than "shop", so it wins over the shop category.
    "coffee shop",
    "coffee house",
    "tea shop",
    "bubble tea shop",
    "milk tea shop",
    "juice shop",
    "noodle shop",
    "pho shop",
    "quán nước",
    "trà sữa",
    "quán trà sữa",
    "giải khát",
    "bia",
    "quán bia",
    "ăn uống",
    "restaurant/eatery/café",
    "restaurant",
    "eatery",
    "café",
    "bar",
    "food",
    "tiệm bánh",
    "bánh mì",
    "lò bánh mì",
    "bakery",
  ],
  lodging: [
    "Khách sạn/nhà nghỉ",
    "khách sạn",
    "nhà nghỉ",
    "nhà trọ",
    "homestay",
    "resort",
    "ks",
    "hotel/guesthouse",
    "hotel",
    "guesthouse",
    "motel",
  ],
  entertainment: [
    "Khu vui chơi/giải trí",
    "khu vui chơi",
    "giải trí",
    "karaoke",
    "kara",
    "bi-a",
    "bida",
    "bi da",
    "game",
    "phòng gym",
    "gym",
    "sân bóng",
    "bể bơi",
    "hồ bơi",
    "rạp chiếu phim",
    "massage",
    "spa",
    "entertainment venue",
    "entertainment",
    "cinema",
  ],
  transport: [
    "Phương tiện vận tải công cộng",
    "vận tải",
    "phương tiện",
    "xe khách",
    "xe buýt",
    "xe bus",
    "bến xe",
    "bến tàu",
    "ga",
    "nhà ga",
    "taxi",
    "tàu",
    "public transport",
    "bus",
    "bus station",
    "train",
  ],
  religious: [
    "Cơ sở tôn giáo",
    "tôn giáo",
    "chùa",
    "nhà thờ",
    "thánh thất",
    "đình",
    "miếu",
    "nhà thờ họ",
    "tịnh xá",
    "place of worship",
    "pagoda",
    "temple",
    "church",
  ],
  checkpoint: ["Chốt kiểm dịch", "chốt", "kiểm dịch", "trạm kiểm soát", "checkpoint"],
  other: ["Khác", "other", "loại khác"],
};

/** A category as a choice for {@link readChoice}: its code, read by its labels and the words above. */
export const VENUE_CATEGORY_CHOICES: readonly {
  label: string;
  category: VenueCategory;
  aliases: readonly string[];
}[] = VENUE_CATEGORIES.map((category) => ({
  label: category,
  category,
  aliases: VENUE_CATEGORY_ALIASES[category],
}));

/**
 * Reads a typed category ("quán ăn", "cafe", "UBND", "tiem tap hoa", "karaoke") the way the choice reader reads
 * any offered choice: the longest name found wins ("tiệm thuốc tây" is health, not a shop for its "tiệm"), and
 * a text that fits two categories equally comes back ambiguous.
 */
export function readVenueCategory(text: string): ChoiceReading<(typeof VENUE_CATEGORY_CHOICES)[number]> {
  return readChoice(text, VENUE_CATEGORY_CHOICES);
}
