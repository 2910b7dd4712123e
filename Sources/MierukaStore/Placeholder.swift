enum _PlaceholderMierukaStore {}
