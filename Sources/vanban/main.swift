print("vanban")
