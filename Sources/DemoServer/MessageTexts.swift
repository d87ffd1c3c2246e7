/// What the people, the AI assistant and the human agents say in demo conversations.
enum MessageTexts {
    static let user = [
        "Hi! Is this still available?", "What are your opening hours on Sunday?", "I ordered last week and nothing arrived yet 😕",
        "Can I change the delivery address?", "How much is shipping to Porto?", "Do you have it in size M?",
        "ok", "thanks!!", "👍", "Can I talk to a human please", "My order number is #48213",
        "¿Hacen envíos a Ciudad de México?", "Olá, vocês entregam no sábado?", "Bonjour, j'ai une question sur ma facture",
        "Здравствуйте, заказ ещё не пришёл", "请问可以退货吗？", "注文をキャンセルしたいです", "مرحبا، هل المنتج متوفر؟",
        "שלום, מתי החנות פתוחה?", "नमस्ते, क्या यह उपलब्ध है?", "The link in your email doesn't work",
        "Is there a discount for students?", "I was charged twice 😡", "Perfect, see you tomorrow",
        "Can you send me the invoice as PDF?", "Where can I find my tracking number?",
    ]
    static let assistant = [
        "Hi there! 👋 I'm the Chatzy assistant. How can I help you today?",
        "Yes, it is in stock. Would you like me to reserve one for you?",
        "We are open Monday to Saturday, 9:00–18:00, and Sundays 10:00–14:00.",
        "I'm sorry about the delay. Could you share your order number?",
        "Shipping is free on orders over €50; otherwise it is €4.90.",
        "I've updated your delivery address. You'll get a confirmation email shortly.",
        "Let me connect you with a member of our team.",
        "You can track your parcel here: https://track.example/XYZ123",
        "Is there anything else I can help you with?",
        "Your refund has been issued and should arrive in 3–5 business days.",
    ]
    static let agent = [
        "Hi, this is Maya from support. I'm looking into it now.",
        "I've found your order: it left our warehouse yesterday.",
        "I've refunded the duplicate charge. Sorry for the trouble!",
        "Could you send a photo of the damaged item?",
        "All sorted — have a great day! 🙂",
        "I'll check with the warehouse and get back to you within the hour.",
    ]
}
