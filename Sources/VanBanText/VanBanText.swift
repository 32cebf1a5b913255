import VanBanCore
