enum _PlaceholderMierukaImport {}
